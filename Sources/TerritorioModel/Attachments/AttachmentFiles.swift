import Foundation

/// The attachment files of a data directory: `adjuntos/<sha256>`, each written once, atomically
/// (temp file in the same folder, fsync, rename, fsync of the folder), never modified.
///
/// A writer holds a shared lock on `adjuntos/.bloqueo` from writing a file until the database row
/// that references it is committed; garbage collection takes the exclusive lock, so it never
/// removes a file whose row is about to be committed, and after a crash it removes what was
/// written but never referenced.
public struct AttachmentFiles: Sendable {
    public let folder: String

    public init(dataDirectory: DataDirectory) {
        folder = dataDirectory.path + "/adjuntos"
    }

    public func path(forSHA256 hash: String) -> String { folder + "/" + hash }

    /// The photo at `sourcePath`, checked, cleaned of location metadata (unless `keepLocation`),
    /// stored under its hash. The original file is only read.
    /// - Throws: `NovedadError.attachment` with the reason in Spanish.
    func store(sourcePath: String, keepLocation: Bool, limits: AttachmentLimits) throws -> AttachmentRecord {
        let original = try read(sourcePath, limit: limits.maximumBytes)
        let refuse = { (reason: String) in NovedadError.attachment(path: sourcePath, reason: reason) }
        let info: ImageInfo
        do {
            info = try ImageInspector.inspect(original)
        } catch let error as ImageError {
            throw refuse(error.message)
        }
        var bytes = original
        var removed = false
        if !keepLocation {
            do {
                (bytes, removed) = try LocationRemover.removingLocation(from: original, format: info.format)
            } catch let error as ImageError {
                throw refuse(error.message + " Si necesita conservar la ubicación, use --conservar-ubicacion")
            }
        }
        var hasher = SHA256()
        hasher.update(bytes)
        let hash = SHA256.hex(of: hasher.finalize())
        try write(bytes, as: hash, source: sourcePath)
        return AttachmentRecord(sha256: hash, name: (sourcePath as NSString).lastPathComponent, bytes: bytes.count,
                                width: info.width, height: info.height, format: info.format,
                                locationRemoved: removed, keptLocation: keepLocation)
    }

    // MARK: - Locking and garbage collection

    /// Runs `body` holding the shared lock: files written inside are safe from collection until
    /// `body` returns (by then their rows are committed, or the files are garbage).
    func whileWriting<T>(_ body: () throws -> T) throws -> T {
        let lock = try FileLock(path: try lockPath(), exclusive: false)
        defer { lock.release() }
        return try body()
    }

    /// Removes every file under `adjuntos/` that `referenced` does not name, and temp files left
    /// by an interrupted copy. `referenced` is called with the exclusive lock held.
    /// - Returns: how many files were removed.
    @discardableResult
    public func collectGarbage(referenced: () throws -> Set<String>) throws -> Int {
        guard FileManager.default.fileExists(atPath: folder) else { return 0 }
        let lock = try FileLock(path: try lockPath(), exclusive: true)
        defer { lock.release() }
        let keep = try referenced()
        var removed = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) where name != FileLock.attachmentsName && !keep.contains(name) {
            if unlink(folder + "/" + name) == 0 { removed += 1 }
        }
        if removed > 0 { try syncFolder() }
        return removed
    }

    // MARK: - Files

    private func lockPath() throws -> String {
        try createFolder()
        return folder + "/" + FileLock.attachmentsName
    }

    private func createFolder() throws {
        if mkdir(folder, 0o700) != 0 && errno != EEXIST {
            throw NovedadError.attachment(path: folder, reason: "no se pudo crear la carpeta de adjuntos (\(String(cString: strerror(errno))))")
        }
    }

    /// The whole file, refusing what is not a regular file or is over the limit before reading it.
    /// A FIFO or device is refused from `stat` alone, and the open never waits (`O_NONBLOCK`), so
    /// nothing given as a photo can block the program.
    private func read(_ path: String, limit: Int) throws -> [UInt8] {
        let refuse = { (reason: String) in NovedadError.attachment(path: path, reason: reason) }
        var named = stat()
        if stat(path, &named) == 0, (named.st_mode & S_IFMT) != S_IFREG {
            throw refuse(Self.notRegular(named.st_mode))
        }
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            switch errno {
            case ENOENT: throw refuse("el archivo no existe")
            case ELOOP: throw refuse("el enlace simbólico forma un ciclo")
            case EACCES: throw refuse("no hay permiso para leerlo")
            default: throw refuse(String(cString: strerror(errno)))
            }
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw refuse(String(cString: strerror(errno))) }
        guard (status.st_mode & S_IFMT) == S_IFREG else { throw refuse(Self.notRegular(status.st_mode)) }
        guard status.st_size > 0 else { throw refuse("el archivo está vacío") }
        guard status.st_size <= limit else {
            throw refuse(Self.overLimit(Int(status.st_size), limit: limit))
        }
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size))
        var total = 0
        while total < bytes.count {
            let count = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + total, $0.count - total) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw refuse("no se pudo leer completo (¿cambió mientras se leía?)") }
            total += count
        }
        return bytes
    }

    /// Why something that is not a regular file cannot be a photo.
    private static func notRegular(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: "es una carpeta, no un archivo"
        case S_IFIFO: "es una tubería (FIFO), no un archivo"
        case S_IFSOCK: "es un socket, no un archivo"
        case S_IFCHR, S_IFBLK: "es un dispositivo, no un archivo"
        default: "no es un archivo normal"
        }
    }

    /// "pesa 15 728 641 bytes y el límite es 15 MiB": sizes written so that a file just over the
    /// limit never reads as equal to it.
    private static func overLimit(_ bytes: Int, limit: Int) -> String {
        func text(_ count: Int) -> String {
            if count % 1_048_576 == 0 { return "\(count / 1_048_576) MiB" }
            if count < 1_048_576 { return "\(count) bytes" }
            return String(format: "%.2f MiB", Double(count) / 1_048_576).replacingOccurrences(of: ".", with: ",")
        }
        var size = text(bytes)
        if size == text(limit) || String(format: "%.2f", Double(bytes) / 1_048_576) == String(format: "%.2f", Double(limit) / 1_048_576) {
            size = "\(bytes) bytes"
        }
        return "pesa \(size) y el límite es \(text(limit)) por foto"
    }

    private func write(_ bytes: [UInt8], as hash: String, source: String) throws {
        try createFolder()
        let final = path(forSHA256: hash)
        if FileManager.default.fileExists(atPath: final) { return }  // same bytes, stored once
        let refuse = { (reason: String) in NovedadError.attachment(path: source, reason: "no se pudo guardar la copia (\(reason))") }
        let temporary = folder + "/.tmp-" + UUID().uuidString.lowercased()
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw refuse(String(cString: strerror(errno))) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + written, $0.count - written) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else {
                let reason = String(cString: strerror(errno))
                close(descriptor)
                unlink(temporary)
                throw refuse(reason)
            }
            written += count
        }
        guard fsync(descriptor) == 0, close(descriptor) == 0 else {
            unlink(temporary)
            throw refuse(String(cString: strerror(errno)))
        }
        guard rename(temporary, final) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw refuse(reason)
        }
        try syncFolder()
    }

    /// Makes renames and removals in the folder durable.
    private func syncFolder() throws {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        _ = fsync(descriptor)
    }
}
