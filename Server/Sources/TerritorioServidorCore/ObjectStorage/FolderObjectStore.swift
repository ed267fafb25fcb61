import Foundation
import NIOCore

/// Objects as files under one folder, for a single-box server with no S3: each written to a
/// temporary name, fsynced, then renamed into place (and the folder fsynced), so a crash leaves
/// either the whole object or none.
public struct FolderObjectStore: ObjectStore {
    public let root: String
    /// Bytes read per chunk.
    static let chunkSize = 64 * 1024

    public init(root: String) {
        self.root = root
    }

    public var description: String { "la carpeta \(root)" }

    public func put(_ name: String, bytes: ByteBuffer) async throws {
        try await write(name) { descriptor in try Self.write(bytes, to: descriptor) }
    }

    public func put(_ name: String, chunks: VerifiedChunks) async throws {
        try await write(name) { descriptor in
            for try await chunk in chunks { try Self.write(chunk, to: descriptor) }
        }
    }

    public func read(_ name: String) async throws -> AsyncThrowingStream<ByteBuffer, any Error> {
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: try path(name)))
        let reader = Reader(handle: handle)
        return AsyncThrowingStream(unfolding: { try await reader.next() })
    }

    public func size(of name: String) async throws -> Int64? {
        let attributes = try? FileManager.default.attributesOfItem(atPath: try path(name))
        return (attributes?[.size] as? NSNumber)?.int64Value
    }

    public func delete(_ name: String) async throws {
        let file = try path(name)
        guard unlink(file) == 0 || errno == ENOENT else {
            throw ObjectStoreFailure("No se pudo borrar \(file): \(String(cString: strerror(errno))).")
        }
    }

    public func check() async throws {
        guard (try? FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)) != nil, access(root, W_OK) == 0 else {
            throw ObjectStoreFailure("No se puede escribir en la carpeta de adjuntos \(root) (TERRITORIO_ADJUNTOS_DIR).")
        }
    }

    /// Object names are the server's own (`letters/digits/-`, `/` between parts); anything else
    /// is a bug, refused before it can reach outside the folder.
    private func path(_ name: String) throws -> String {
        guard !name.isEmpty, !name.hasPrefix("/"), !name.split(separator: "/").contains(where: { $0 == ".." || $0 == "." || $0.isEmpty }) else {
            throw ObjectStoreFailure("Nombre de objeto no válido: \(name).")
        }
        return root + "/" + name
    }

    private func write(_ name: String, _ body: (Int32) async throws -> Void) async throws {
        let final = try path(name)
        let folder = (final as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let temporary = folder + "/.escribiendo-" + UUID().uuidString
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o640)
        guard descriptor >= 0 else { throw Self.failure("crear", temporary) }
        do {
            try await body(descriptor)
            guard fsync(descriptor) == 0 else { throw Self.failure("guardar", temporary) }
            close(descriptor)
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        guard rename(temporary, final) == 0 else {
            let failure = Self.failure("renombrar", temporary)
            unlink(temporary)
            throw failure
        }
        let directory = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directory >= 0 {
            fsync(directory)
            close(directory)
        }
    }

    private static func write(_ bytes: ByteBuffer, to descriptor: Int32) throws {
        try bytes.withUnsafeReadableBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw failure("escribir", "un objeto")
                }
                offset += written
            }
        }
    }

    private static func failure(_ action: String, _ file: String) -> ObjectStoreFailure {
        ObjectStoreFailure("No se pudo \(action) \(file): \(String(cString: strerror(errno))).")
    }

    /// Reads a file in chunks until its end, then closes it.
    private final class Reader: @unchecked Sendable {
        let handle: FileHandle

        init(handle: FileHandle) {
            self.handle = handle
        }

        func next() async throws -> ByteBuffer? {
            guard let data = try handle.read(upToCount: FolderObjectStore.chunkSize), !data.isEmpty else {
                try? handle.close()
                return nil
            }
            return ByteBuffer(bytes: data)
        }
    }
}
