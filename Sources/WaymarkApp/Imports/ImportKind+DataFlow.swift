import WaymarkCore
public import WaymarkFormats

extension ImportKind {
    /// The data-flow register entry a file of this kind comes in by, named in its import's audit event.
    public var dataFlow: String {
        switch self {
        case .year11List, .ctf, .schoolCensus: DataFlowDefaults.Key.schoolFiles
        case .collegeEnrolments, .collegeLeavers: DataFlowDefaults.Key.collegeFiles
        case .providerStarters, .providerLeavers: DataFlowDefaults.Key.providerFiles
        case .dwpClaimants: DataFlowDefaults.Key.dwpLists
        }
    }
}
