import Foundation

/// `tmp/` in the data directory: where a description waits while the gestor's `$EDITOR` has it.
/// Each file there has a lock file beside it (`NAME.bloqueo`) that the instance using it holds
/// (`flock`) until it removes both, so the start of another instance removes what a crash left
/// behind — a citizen's situation, maybe — but never a file an editor still has open. Creating
/// takes a shared lock on the folder's own `.bloqueo` and the clean-up the exclusive one, so the
/// clean-up never sees a file between its creation and its lock.
public struct ScratchFolder: Sendable {
    public static let name = "tmp"
    private static let lockSuffix = ".bloqueo"

    public let path: String

    public init(path: String) {
        self.path = path
    }

    public init(dataDirectory: DataDirectory) {
        path = dataDirectory.path + "/" + Self.name
    }

    /// A new file `name` holding `text`, private to the user and locked until `remove()`.
    /// - Throws: `StoreError.dataDirectory` when it cannot be written, or when another instance
    ///   has a file of that name open in an editor.
    public func create(named name: String, text: String) throws -> ScratchFile {
        if mkdir(path, 0o700) != 0 && errno != EEXIST {
            throw StoreError.dataDirectory(path: path, reason: "no se pudo crear la carpeta (\(String(cString: strerror(errno))))")
        }
        let folderLock = try FileLock(path: path + "/" + Self.lockSuffix, exclusive: false)
        defer { folderLock.release() }
        let filePath = path + "/" + name
        guard let lock = try FileLock.attemptExclusive(path: filePath + Self.lockSuffix) else {
            throw StoreError.dataDirectory(path: filePath, reason: "otra ventana de Territorio lo tiene abierto en un editor")
        }
        let file = ScratchFile(path: filePath, lock: lock)
        let descriptor = open(filePath, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0, fchmod(descriptor, 0o600) == 0 else {
            let reason = String(cString: strerror(errno))
            if descriptor >= 0 { close(descriptor) }
            file.remove()
            throw StoreError.dataDirectory(path: filePath, reason: "no se pudo escribir (\(reason))")
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do {
            try handle.write(contentsOf: Data(text.utf8))
        } catch {
            file.remove()
            throw StoreError.dataDirectory(path: filePath, reason: "no se pudo escribir (\(error.localizedDescription))")
        }
        return file
    }

    /// Removes the files no running instance holds, with their lock files.
    /// - Returns: how many files were removed.
    @discardableResult
    public func removeLeftovers() throws -> Int {
        guard FileManager.default.fileExists(atPath: path) else { return 0 }
        let folderLock = try FileLock(path: path + "/" + Self.lockSuffix, exclusive: true)
        defer { folderLock.release() }
        let names = try FileManager.default.contentsOfDirectory(atPath: path).filter { $0 != Self.lockSuffix }
        let files = Set(names.map { $0.hasSuffix(Self.lockSuffix) ? String($0.dropLast(Self.lockSuffix.count)) : $0 })
        var removed = 0
        for file in files.sorted() {
            guard let lock = try FileLock.attemptExclusive(path: path + "/" + file + Self.lockSuffix) else { continue }
            if unlink(path + "/" + file) == 0 { removed += 1 }
            unlink(path + "/" + file + Self.lockSuffix)
            lock.release()
        }
        return removed
    }
}

/// A file of the scratch folder, locked by this instance until it is removed.
public final class ScratchFile {
    public let path: String
    private let lock: FileLock
    private var removed = false

    init(path: String, lock: FileLock) {
        self.path = path
        self.lock = lock
    }

    /// Its text now, nil when it cannot be read as UTF-8.
    public func text() -> String? {
        try? String(contentsOfFile: path, encoding: .utf8)
    }

    /// Removes the file and its lock file, then lets the lock go.
    public func remove() {
        guard !removed else { return }
        removed = true
        unlink(path)
        unlink(path + ".bloqueo")
        lock.release()
    }

    deinit { remove() }
}
