#pragma once

// Bounds of the searches that walk the key (and owner) lists through the API (the audit log's
// Target filter, Ctrl+K's "Go to"): a huge workspace is searched only in part.
namespace Latchkey::Dashboard::KeySearchLimits {

constexpr int MaxApis = 100;
constexpr int KeysPerPage = 100;
constexpr int MaxKeyPagesPerApi = 10;
constexpr int OwnersPerPage = 100;
constexpr int MaxOwnerPages = 10;

} // namespace Latchkey::Dashboard::KeySearchLimits
