// swift-tools-version: 6.1
//
// LatePenalty: exact late-penalty and delay-interest computation for Japanese public contracts.
//
// Targets, from the bottom up:
//   CGMP          system library: the C interface of GMP (libgmp-dev), private to ExactNumbers.
//   ExactNumbers  BigInteger and Rational value types on GMP; no GMP type is public.
//   LatePenalty   dates, rates, day-count bases, rounding, the seed contract's clauses, explanations.
//   penalty       the command-line tool.
//   PenaltyServer the HTTP interface (JSON API and web page) on Hummingbird; penalty-server runs it.
import PackageDescription

let package = Package(
    name: "LatePenalty",
    products: [
        .library(name: "LatePenalty", targets: ["LatePenalty"]),
        .executable(name: "penalty", targets: ["penalty"]),
        .executable(name: "penalty-server", targets: ["penalty-server"]),
        // The C interface (include/penalty.h) as liblatepenalty.so.
        .library(name: "latepenalty", type: .dynamic, targets: ["LatePenaltyC"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        .package(url: "https://github.com/ordo-one/benchmark.git", from: "1.38.1", traits: ["MallocInterposer"]),
        // `swift package generate-documentation` for the DocC catalogs.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin.git", from: "1.5.0"),
        // The server only: the library and `penalty` do not depend on it.
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CGMP",
            pkgConfig: "gmp",
            providers: [.apt(["libgmp-dev"])]
        ),
        .target(
            name: "ExactNumbers",
            dependencies: ["CGMP"],
            exclude: ["README.md"]
        ),
        .target(
            name: "LatePenalty",
            dependencies: ["ExactNumbers"],
            exclude: ["README.md", "Regimes/Bundled"],
            plugins: ["EmbedRegimeFiles"]
        ),
        // Compile Sources/LatePenalty/Regimes/Bundled/*.json into the library and vectors/*.json
        // into the tool, so that neither needs a resource bundle at run time.
        .executableTarget(name: "embed-json-files", path: "Sources/embed-json-files"),
        .plugin(name: "EmbedRegimeFiles", capability: .buildTool(), dependencies: ["embed-json-files"]),
        .plugin(name: "EmbedVectorFiles", capability: .buildTool(), dependencies: ["embed-json-files"]),
        .target(
            name: "LatePenaltyC",
            dependencies: ["LatePenalty"]
        ),
        .executableTarget(
            name: "penalty",
            dependencies: [
                "LatePenalty",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            plugins: ["EmbedVectorFiles"]
        ),
        .target(
            name: "PenaltyServer",
            dependencies: [
                "LatePenalty",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            exclude: ["README.md", "Page"],
            plugins: ["EmbedPageFiles"]
        ),
        // Compile Sources/PenaltyServer/Page/* (the web page) into the server.
        .plugin(name: "EmbedPageFiles", capability: .buildTool(), dependencies: ["embed-json-files"]),
        .executableTarget(
            name: "penalty-server",
            dependencies: [
                "PenaltyServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Starts the real server on a loopback port and talks HTTP/1.1 to it over a socket (no
        // HTTP client library: it must also send what a client library would refuse to).
        .testTarget(
            name: "PenaltyServerTests",
            dependencies: [
                "LatePenalty", "PenaltyServer",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "ExactNumbersTests",
            dependencies: [
                "ExactNumbers",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "LatePenaltyTests",
            dependencies: [
                "LatePenalty",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["Corpus", "Resources"]
        ),
        // libFuzzer target for the row parser (docs/fuzzing.md); a replay tool in normal builds.
        .executableTarget(
            name: "fuzz-row-parser",
            dependencies: ["LatePenalty"],
            path: "Fuzz/RowParser"
        ),
        .executableTarget(
            name: "CoreBenchmarks",
            dependencies: [
                "LatePenalty",
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/CoreBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
