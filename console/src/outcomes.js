// The verification outcomes of keys.verifyKey, bottom to top in stacked charts, with colours
// chosen to stay apart from each other and readable on both the light and the dark background.
// Labels are getters, so they follow the console's language.
import { t } from './i18n.js';

export const OUTCOMES = [
  { id: 'VALID', get label() { return t('Valid'); }, color: '#16a34a' },
  { id: 'RATE_LIMITED', get label() { return t('Rate limited'); }, color: '#f59e0b' },
  { id: 'USAGE_EXCEEDED', get label() { return t('Usage exceeded'); }, color: '#f97316' },
  { id: 'INSUFFICIENT_PERMISSIONS', get label() { return t('Insufficient permissions'); }, color: '#db2777' },
  { id: 'FORBIDDEN', get label() { return t('Forbidden'); }, color: '#dc2626' },
  { id: 'EXPIRED', get label() { return t('Expired'); }, color: '#8b5cf6' },
  { id: 'DISABLED', get label() { return t('Disabled'); }, color: '#64748b' },
  { id: 'NOT_FOUND', get label() { return t('Not found'); }, color: '#0ea5e9' },
];

export const OUTCOME_BY_ID = Object.fromEntries(OUTCOMES.map((outcome) => [outcome.id, outcome]));

export function outcomeLabel(id) {
  return OUTCOME_BY_ID[id]?.label ?? id;
}

/** The two series of rate-limit decisions. */
export const RATELIMIT_SERIES = [
  { id: 'passed', get label() { return t('Passed'); }, color: '#16a34a' },
  { id: 'blocked', get label() { return t('Blocked'); }, color: '#dc2626' },
];
