import Crypto
import Foundation

/// The server's secret for the digests of novedad bodies (HMAC-SHA256). A resend of the same
/// bytes must still be recognised after the citizen's contact data was deleted from the stored
/// body; a plain SHA-256 kept for that would let anyone with a copy of the database try every
/// 10-digit phone number against it, a keyed digest does not. Every instance that serves one
/// database must use the same secret: the database keeps a check value of it (a digest of a
/// fixed text, which reveals nothing of the secret) and refuses any other.
public struct DigestSecret: Sendable {
    public static let fileVariable = "TERRITORIO_SECRETO_ARCHIVO"
    static let minimumLength = 32
    static let fileName = "secreto"

    /// SHA-256 of the secret's text: 32 bytes, so HMAC uses it as is (zero-padded to a block).
    private let key: [UInt8]

    /// A secret from its text (the content of the file).
    public init(text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.utf8.count >= Self.minimumLength else {
            throw ServerFailure("El secreto de los digestos debe tener al menos \(Self.minimumLength) caracteres (tiene \(trimmed.utf8.count)).")
        }
        key = Array(Crypto.SHA256.hash(data: Data(trimmed.utf8)))
    }

    /// The secret the environment names: the file `TERRITORIO_SECRETO_ARCHIVO` (which must
    /// exist), else `secreto` beside the folder store's default (`$STATE_DIRECTORY`, else
    /// `~/.local/share/territorio-servidor`), created with a random secret the first time.
    public static func load(environment: [String: String]) throws -> DigestSecret {
        if let path = environment[fileVariable], !path.isEmpty {
            return try read(path, variable: true)
        }
        let path = defaultPath(environment: environment)
        if !FileManager.default.fileExists(atPath: path) {
            try create(path)
        }
        return try read(path, variable: false)
    }

    /// HMAC-SHA256 of `bytes`, in lowercase hex.
    public func hex(of bytes: some Sequence<UInt8>) -> String {
        let code = HMAC<Crypto.SHA256>.authenticationCode(for: Data(bytes), using: SymmetricKey(data: key))
        return code.map { String(format: "%02x", $0) }.joined()
    }

    /// What the database keeps to tell whether an instance has the same secret.
    var checkValue: String { hex(of: Array("territorio: verificación del secreto de los digestos".utf8)) }

    /// The key XOR-ed with HMAC's inner and outer pads: with them PostgreSQL computes the same
    /// HMAC as `sha256(outer || sha256(inner || message))`, so a schema step can digest bodies
    /// already stored without reading them out.
    var pads: (inner: [UInt8], outer: [UInt8]) {
        let block = key + [UInt8](repeating: 0, count: 64 - key.count)
        return (block.map { $0 ^ 0x36 }, block.map { $0 ^ 0x5c })
    }

    static func defaultPath(environment: [String: String]) -> String {
        if let state = environment["STATE_DIRECTORY"]?.split(separator: ":").first, !state.isEmpty { return state + "/" + fileName }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.local/share/territorio-servidor/" + fileName
    }

    private static func read(_ path: String, variable: Bool) throws -> DigestSecret {
        let origin = variable ? "\(fileVariable)=\(path)" : path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else {
            throw ServerFailure("No existe el archivo del secreto de los digestos (\(origin)). Créelo con «head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \\n' > ARCHIVO» y use el mismo en todas las instancias.")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ServerFailure("No se pudo leer el archivo del secreto de los digestos (\(origin)): revise sus permisos.")
        }
        do {
            return try DigestSecret(text: String(decoding: data, as: UTF8.self))
        } catch let failure as ServerFailure {
            throw ServerFailure("\(failure.message) Archivo: \(origin).")
        }
    }

    /// Writes a random secret to `path` whole or not at all: into a private temporary file, then
    /// linked into place, so two instances starting at once end with the same one.
    private static func create(_ path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw ServerFailure("No se pudo crear la carpeta del secreto de los digestos (\(folder)); defina \(fileVariable).")
        }
        var random = SystemRandomNumberGenerator()
        let text = (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &random)) }.joined() + "\n"
        let temporary = folder + "/.secreto-" + UUID().uuidString
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw ServerFailure("No se pudo escribir el secreto de los digestos en \(folder); defina \(fileVariable).")
        }
        defer { unlink(temporary) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        let synced = fsync(descriptor) == 0
        close(descriptor)
        guard written == bytes.count, synced else {
            throw ServerFailure("No se pudo escribir el secreto de los digestos en \(folder); defina \(fileVariable).")
        }
        guard link(temporary, path) == 0 || errno == EEXIST else {
            throw ServerFailure("No se pudo guardar el secreto de los digestos en \(path); defina \(fileVariable).")
        }
    }
}
