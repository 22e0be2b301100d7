// The verification outcomes of keys.verifyKey, bottom to top in stacked charts, with colours
// chosen to stay apart from each other and readable on both the light and the dark background.

export const OUTCOMES = [
  { id: 'VALID', label: 'Valid', color: '#16a34a' },
  { id: 'RATE_LIMITED', label: 'Rate limited', color: '#f59e0b' },
  { id: 'USAGE_EXCEEDED', label: 'Usage exceeded', color: '#f97316' },
  { id: 'INSUFFICIENT_PERMISSIONS', label: 'Insufficient permissions', color: '#db2777' },
  { id: 'FORBIDDEN', label: 'Forbidden', color: '#dc2626' },
  { id: 'EXPIRED', label: 'Expired', color: '#8b5cf6' },
  { id: 'DISABLED', label: 'Disabled', color: '#64748b' },
  { id: 'NOT_FOUND', label: 'Not found', color: '#0ea5e9' },
];

export const OUTCOME_BY_ID = Object.fromEntries(OUTCOMES.map((outcome) => [outcome.id, outcome]));

export function outcomeLabel(id) {
  return OUTCOME_BY_ID[id]?.label ?? id;
}

/** The two series of rate-limit decisions. */
export const RATELIMIT_SERIES = [
  { id: 'passed', label: 'Passed', color: '#16a34a' },
  { id: 'blocked', label: 'Blocked', color: '#dc2626' },
];
