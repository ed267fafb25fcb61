import Foundation
import NIOCore
import PostgresNIO
@testable import TerritorioServidorCore

/// The object store of a test: the S3 store of `TERRITORIO_S3_*` when set (scripts/s3-temporal's
/// SeaweedFS), under a key prefix of its own, else a folder of its own. One per test database,
/// so every server process and in-process server on that database shares it, as instances
/// behind a load balancer do, and no test sees another's objects.
enum TestObjects {
    static var usesS3: Bool {
        ProcessInfo.processInfo.environment["TERRITORIO_S3_URL"].map { !$0.isEmpty } ?? false
    }

    /// The environment a `territorio-servidor` process needs to use the same store.
    static func environment(forDatabaseURL url: String?) -> [String: String] {
        guard let url, let name = URL(string: url)?.lastPathComponent else { return [:] }
        return environment(forStoreNamed: name)
    }

    /// The S3 key prefix `pruebas/NAME`, or the folder `NAME`.
    static func environment(forStoreNamed name: String) -> [String: String] {
        usesS3 ? [S3KeyPrefix.environmentVariable: "pruebas/" + name] : ["TERRITORIO_ADJUNTOS_DIR": folder(forDatabaseNamed: name)]
    }

    static func store(for database: Database) throws -> any ObjectStore {
        try store(named: String(database.target.split(separator: "/").last ?? ""))
    }

    /// The store of the environment, with the prefix or folder called `name` (parts separated
    /// by `/` nest: `a/b` is inside `a`).
    static func store(named name: String) throws -> any ObjectStore {
        try ObjectStoreConfiguration.store(from: ProcessInfo.processInfo.environment.merging(environment(forStoreNamed: name)) { _, new in new })
    }

    static func folder(forDatabaseNamed name: String) -> String {
        NSTemporaryDirectory() + "territorio-pruebas-adjuntos/" + name
    }

    /// The stored bytes of the photo with this hash, or nil when the server has no object for it.
    static func photo(_ sha256: String, database: Database) async throws -> [UInt8]? {
        guard let name = try await AttachmentStore(database: database).object(of: sha256) else { return nil }
        return try await bytes(of: name, in: try store(for: database))
    }

    static func bytes(of name: String, in store: any ObjectStore) async throws -> [UInt8] {
        var collected: [UInt8] = []
        for try await chunk in try await store.read(name) { collected += chunk.readableBytesView }
        return collected
    }
}
