import Foundation

/// An advisory lock on a file (`flock`), released on `release()` or when the process dies —
/// so a crash never leaves it held.
final class FileLock {
    static let attachmentsName = ".bloqueo"

    private let descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Waits for the lock: shared, or exclusive.
    convenience init(path: String, exclusive: Bool) throws {
        let descriptor = try Self.open(path)
        while flock(descriptor, exclusive ? LOCK_EX : LOCK_SH) != 0 {
            guard errno == EINTR else { throw Self.failure(path, descriptor) }
        }
        self.init(descriptor: descriptor)
    }

    /// The exclusive lock if nobody holds it now, else nil (never waits).
    static func attemptExclusive(path: String) throws -> FileLock? {
        let descriptor = try open(path)
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            if errno == EINTR { continue }
            if errno == EWOULDBLOCK {
                close(descriptor)
                return nil
            }
            throw failure(path, descriptor)
        }
        return FileLock(descriptor: descriptor)
    }

    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    private static func open(_ path: String) throws -> Int32 {
        let descriptor = Glibc.open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw StoreError.dataDirectory(path: path, reason: "no se pudo abrir el bloqueo (\(String(cString: strerror(errno))))")
        }
        return descriptor
    }

    private static func failure(_ path: String, _ descriptor: Int32) -> StoreError {
        let reason = String(cString: strerror(errno))
        close(descriptor)
        return StoreError.dataDirectory(path: path, reason: "no se pudo tomar el bloqueo (\(reason))")
    }
}
