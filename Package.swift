// swift-tools-version:6.0
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    // A file sees only the members of modules it imports itself, and an import
    // is internal unless marked `public`: what each module shows is deliberate.
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Waymark",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "waymark", targets: ["waymark"])
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit.git", from: "4.5.0"),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.17.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.0"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.81.0"),
        // Reads the ZIP container of .xlsx imports and writes subject access packs (WaymarkFormats only).
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        // Parses multipart/form-data uploads (WaymarkWeb only): a kept parser at the edge, not ours.
        .package(url: "https://github.com/vapor/multipart-kit.git", from: "4.7.0"),
        // The open API (WaymarkAPI only): openapi.yaml is the source of truth; the plugin generates the server stubs.
        .package(url: "https://github.com/apple/swift-openapi-generator.git", exact: "1.14.3"),
        .package(url: "https://github.com/apple/swift-openapi-runtime.git", from: "1.13.4"),
        .package(url: "https://github.com/hummingbird-project/swift-openapi-hummingbird.git", from: "2.1.0"),
        // Reads openapi.yaml at start-up for the API's reference page (already built for the generator).
        .package(url: "https://github.com/jpsim/Yams.git", "5.0.0"..<"7.0.0"),
    ],
    targets: [
        .target(name: "WaymarkCore", swiftSettings: strictSettings),
        // The plain values that pass between the store, the use cases and the pages: no SQL, no I/O.
        .target(name: "WaymarkRecords", dependencies: ["WaymarkCore"], swiftSettings: strictSettings),
        .target(name: "WaymarkSynthetic", dependencies: ["WaymarkCore"], swiftSettings: strictSettings),
        .target(name: "WaymarkMatching", swiftSettings: strictSettings),
        .target(
            name: "WaymarkFormats",
            dependencies: ["WaymarkCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "WaymarkStore",
            dependencies: [
                "WaymarkCore", "WaymarkMatching", "WaymarkRecords",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "WaymarkApp",
            dependencies: [
                "WaymarkCore", "WaymarkMatching", "WaymarkRecords", "WaymarkStore", "WaymarkSynthetic", "WaymarkFormats",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            // The assessment instruments Waymark ships (JSON, read like any an LA loads).
            resources: [.copy("Resources")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "WaymarkWeb",
            dependencies: [
                "WaymarkApp", "WaymarkRecords", "WaymarkAPI",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "MultipartKit", package: "multipart-kit"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: strictSettings,
            // The web layer reaches data through WaymarkApp only: the build fails if it imports the store or SQL.
            plugins: ["ImportGate"]
        ),
        .target(
            name: "WaymarkAPI",
            dependencies: [
                "WaymarkApp", "WaymarkRecords", "WaymarkCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "OpenAPIHummingbird", package: "swift-openapi-hummingbird"),
                .product(name: "Yams", package: "Yams"),
            ],
            resources: [.copy("openapi.yaml")],
            swiftSettings: strictSettings,
            // Like the pages, the API reaches data through WaymarkApp only.
            plugins: [.plugin(name: "OpenAPIGenerator", package: "swift-openapi-generator"), "ImportGate"]
        ),
        .executableTarget(name: "ImportGateTool", swiftSettings: strictSettings),
        .plugin(name: "ImportGate", capability: .buildTool(), dependencies: ["ImportGateTool"]),
        .target(
            name: "WaymarkTestSupport",
            dependencies: ["WaymarkCore", "WaymarkRecords", "WaymarkStore", "WaymarkSynthetic"],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "waymark",
            dependencies: [
                "WaymarkApp", "WaymarkRecords", "WaymarkWeb", "WaymarkAPI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "WaymarkCoreTests", dependencies: ["WaymarkCore"], swiftSettings: strictSettings),
        .testTarget(name: "WaymarkSyntheticTests", dependencies: ["WaymarkSynthetic"], swiftSettings: strictSettings),
        .testTarget(name: "WaymarkMatchingTests", dependencies: ["WaymarkMatching"], swiftSettings: strictSettings),
        .testTarget(
            name: "WaymarkFormatsTests",
            dependencies: ["WaymarkFormats", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            resources: [.copy("Golden"), .copy("ImportFixtures")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "WaymarkAppTests",
            dependencies: ["WaymarkApp", "WaymarkRecords", "WaymarkTestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "WaymarkStoreTests",
            dependencies: ["WaymarkStore", "WaymarkRecords", "WaymarkTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "WaymarkWebTests",
            dependencies: [
                "WaymarkWeb", "WaymarkAPI", "WaymarkRecords", "WaymarkTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "WaymarkAPITests",
            dependencies: [
                "WaymarkAPI", "WaymarkWeb", "WaymarkApp", "WaymarkRecords", "WaymarkCore", "WaymarkStore", "WaymarkTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: strictSettings
        ),
    ]
)
