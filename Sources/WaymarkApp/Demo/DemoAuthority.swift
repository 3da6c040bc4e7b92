public import WaymarkCore

/// The fictional local authority the demo and the benchmarks use.
///
/// Its code, 990, is not a real English LA code, so demo data can never be
/// mistaken for (or uploaded as) a real authority's return; the registry
/// accepts it only because the installation adds it.
public enum DemoAuthority {
    public static let code = "990"
    public static let name = "Northmere"

    public static let registry = LocalAuthorityRegistry(additional: [code: name])

    public static var laCode: LocalAuthorityCode {
        get throws { try registry.code(code) }
    }
}
