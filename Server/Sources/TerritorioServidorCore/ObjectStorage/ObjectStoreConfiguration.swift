import Foundation

/// Which object store the environment asks for: S3 when any `TERRITORIO_S3_*` variable is set
/// (then the endpoint, bucket and both keys are required; region and key prefix are optional),
/// otherwise a local folder, so one command still starts a working single-box server.
public enum ObjectStoreConfiguration {
    public static let s3Variables = ["TERRITORIO_S3_URL", "TERRITORIO_S3_BUCKET", "TERRITORIO_S3_REGION",
                                     "TERRITORIO_S3_ACCESS_KEY", "TERRITORIO_S3_SECRET_KEY", S3KeyPrefix.environmentVariable]

    public static func store(from environment: [String: String]) throws -> any ObjectStore {
        let set = { (name: String) in environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        guard s3Variables.contains(where: { set($0) != nil }) else {
            return FolderObjectStore(root: folder(from: environment))
        }
        let missing = ["TERRITORIO_S3_URL", "TERRITORIO_S3_BUCKET", "TERRITORIO_S3_ACCESS_KEY", "TERRITORIO_S3_SECRET_KEY"]
            .filter { set($0) == nil }
        guard missing.isEmpty else {
            throw ObjectStoreFailure("Para usar S3 faltan: \(missing.joined(separator: ", ")).")
        }
        guard let endpoint = URL(string: set("TERRITORIO_S3_URL")!), ["http", "https"].contains(endpoint.scheme ?? ""), endpoint.host != nil else {
            throw ObjectStoreFailure("TERRITORIO_S3_URL debe ser una URL http:// o https://, p. ej. http://127.0.0.1:8333")
        }
        let prefix = try set(S3KeyPrefix.environmentVariable).map(S3KeyPrefix.init) ?? S3KeyPrefix()
        return S3ObjectStore(endpoint: endpoint, bucket: set("TERRITORIO_S3_BUCKET")!, prefix: prefix, region: set("TERRITORIO_S3_REGION") ?? "us-east-1",
                             accessKey: set("TERRITORIO_S3_ACCESS_KEY")!, secretKey: set("TERRITORIO_S3_SECRET_KEY")!)
    }

    /// `TERRITORIO_ADJUNTOS_DIR`, else `$STATE_DIRECTORY/adjuntos` (systemd's), else
    /// `~/.local/share/territorio-servidor/adjuntos`.
    static func folder(from environment: [String: String]) -> String {
        if let folder = environment["TERRITORIO_ADJUNTOS_DIR"], !folder.isEmpty { return folder }
        if let state = environment["STATE_DIRECTORY"]?.split(separator: ":").first, !state.isEmpty { return state + "/adjuntos" }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.local/share/territorio-servidor/adjuntos"
    }
}
