// swift-tools-version:6.0
import PackageDescription

/// The reference sync server: the protocol of docs/protocolo-sincronizacion.md over Hummingbird 2
/// and PostgreSQL. A separate package so the client keeps zero package dependencies; it shares the
/// wire messages through the root package's dependency-free `TerritorioWire` target.
let package = Package(
    name: "TerritorioServidor",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "territorio-servidor", targets: ["TerritorioServidor"]),
        .library(name: "TerritorioServidorCore", targets: ["TerritorioServidorCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.0.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.21.0"),
        // The S3 object store: requests signed with SigV4 (HMAC-SHA256) and streamed over HTTP.
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        // The fault proxy of the tests is written on SwiftNIO directly; the server names it (and
        // swift-nio-extras' HTTP types) for its HTTP/1 channel that bounds what a connection reads.
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.65.0"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        // `name:` keeps the identity "Territorio" whatever the clone's directory is called.
        .package(name: "Territorio", path: ".."),
    ],
    targets: [
        .target(
            name: "TerritorioServidorCore",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "NIOHTTPTypesHTTP1", package: "swift-nio-extras"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "TerritorioWire", package: "Territorio"),
            ]
        ),
        .executableTarget(
            name: "TerritorioServidor",
            dependencies: [
                "TerritorioServidorCore",
                .product(name: "TerritorioWire", package: "Territorio"),
            ]
        ),
        .testTarget(
            name: "TerritorioServidorTests",
            dependencies: [
                "TerritorioServidorCore",
                .product(name: "TerritorioWire", package: "Territorio"),
                .product(name: "TerritorioTestSupport", package: "Territorio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
