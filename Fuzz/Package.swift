// swift-tools-version:5.4
import PackageDescription

/// libFuzzer targets for every parser of outside bytes, kept out of the root package so that
/// `swift build` and `swift test` never see them. Built and run by `scripts/fuzz` with
/// `-sanitize=fuzzer,address -parse-as-library -enable-testing` (internal parsers are reached
/// with `@testable import`); each target is one `LLVMFuzzerTestOneInput`. Tools version 5.4 on
/// purpose: from 5.5 SwiftPM renames an executable's `main`, and libFuzzer's own `main` is the
/// entry point here.
let package = Package(
    name: "TerritorioFuzz",
    dependencies: [.package(name: "Territorio", path: "..")],
    targets: [
        // Image type detection and the picker's header probe.
        .executableTarget(name: "fuzz-cabecera", dependencies: [.product(name: "TerritorioModel", package: "Territorio")]),
        // Location removal for JPEG, PNG, WebP and HEIF.
        .executableTarget(name: "fuzz-ubicacion", dependencies: [.product(name: "TerritorioModel", package: "Territorio")]),
        // The catalogue reader (`catalogo importar`).
        .executableTarget(name: "fuzz-catalogo", dependencies: [.product(name: "TerritorioModel", package: "Territorio")]),
        // The JSON parser and writer.
        .executableTarget(name: "fuzz-json", dependencies: [.product(name: "TerritorioModel", package: "Territorio")]),
        // Every decoder of a server answer: session, receipt, statuses, catalogue delta, problem, Retry-After.
        .executableTarget(name: "fuzz-respuestas", dependencies: [.product(name: "TerritorioModel", package: "Territorio")]),
    ]
)
