.pragma library

// The time ranges a filter offers, back from now: the audit log's (AuditLogFilters) and a usage
// export's (UsageExportBar), in the UI's language, the last one "All time".

/// [{label, ms}] from the shortest to "All time" (ms 0); the last hour only where @p withHour
/// (an export of one hour has little to say).
function ranges(withHour) {
    const all = [
        {label: qsTr("Last 24 hours"), ms: 86400000},
        {label: qsTr("Last 7 days"), ms: 7 * 86400000},
        {label: qsTr("Last 30 days"), ms: 30 * 86400000},
        {label: qsTr("All time"), ms: 0}
    ];
    return withHour ? [{label: qsTr("Last hour"), ms: 3600000}].concat(all) : all;
}

/// Where a range of @p ms back from now starts: an invalid date ("no start") for "All time".
function startOf(ms) {
    return ms > 0 ? new Date(Date.now() - ms) : new Date(NaN);
}
