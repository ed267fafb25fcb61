// swift-tools-version:6.0
import PackageDescription

/// Territorio: the offline field catalogue and novedades queue for Bogotá's gestores en territorio.
/// No package dependencies: Foundation, the system's ncursesw and the system's sqlite3.
let package = Package(
    name: "Territorio",
    products: [
        .executable(name: "territorio", targets: ["TerritorioTUI"]),
        .library(name: "TerritorioModel", targets: ["TerritorioModel"]),
        .executable(name: "territorio-benchmark", targets: ["TerritorioBenchmark"]),
        .library(name: "TerritorioWire", targets: ["TerritorioWire"]),
        .library(name: "TerritorioTestSupport", targets: ["TerritorioTestSupport"]),
    ],
    targets: [
        .systemLibrary(
            name: "CNcurses",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // The sample catalogue. SwiftPM bundles resources only from inside a target's folder,
        // so this target is rooted at Resources/.
        .target(
            name: "TerritorioResources",
            path: "Resources",
            resources: [.copy("catalogo-muestra.json"), .copy("sinonimos.txt")]
        ),
        // The sync protocol's messages and the one JSON parser and writer, shared with the reference
        // server in Server/ (Foundation only).
        .target(name: "TerritorioWire"),
        .target(
            name: "TerritorioModel",
            dependencies: ["CSQLite", "TerritorioResources", "TerritorioWire"]
        ),
        .executableTarget(
            name: "TerritorioTUI",
            dependencies: ["TerritorioModel", "CNcurses"]
        ),
        // Search benchmark, run outside the tests: `swift run -c release territorio-benchmark`.
        .executableTarget(
            name: "TerritorioBenchmark",
            dependencies: ["TerritorioModel"]
        ),
        // The process the durability test SIGKILLs mid-write (Tests/TerritorioModelTests).
        .executableTarget(
            name: "TerritorioDurabilityChild",
            dependencies: ["TerritorioModel"]
        ),
        // What the tests of both packages share: temporary folders, snapshot files, PNG and JPEG
        // builders. Foundation only, no test framework, so a plain `swift build` stays as it is.
        .target(name: "TerritorioTestSupport", path: "Tests/TerritorioTestSupport"),
        .testTarget(
            name: "TerritorioModelTests",
            dependencies: ["TerritorioModel", "TerritorioTestSupport"]
        ),
        .testTarget(
            name: "TerritorioTUITests",
            dependencies: ["TerritorioTUI", "TerritorioModel", "TerritorioTestSupport"],
            exclude: ["Snapshots"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
