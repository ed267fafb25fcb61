import Foundation
import TerritorioModel

/// One folder as the attachment picker lists it: its subfolders, then the photos in it —
/// recognised by content, never by name, with size and dimensions — narrowed to the names that
/// start with what is typed (ignoring case and accents). Names are read once; a file's header
/// (`ImageHeader`, a few kilobytes) is read the first time the file is listed, and at most
/// `limit` entries are examined per listing, so a folder of thousands of files stays quick.
struct FolderListing {
    struct Entry: Equatable {
        enum Kind: Equatable {
            /// "../": the folder above.
            case parent
            case folder
            case photo(bytes: Int, info: ImageInfo)
        }

        let name: String
        let kind: Kind
    }

    /// What the listing shows for one typed start of a name, and what it leaves out.
    struct Rows {
        var entries: [Entry] = []
        /// Files that are not accepted photos.
        var notPhotos = 0
        /// Names starting with "." while hidden files are hidden.
        var hidden = 0
        /// Matching names past `limit`, not examined.
        var unexamined = 0

        /// What Tab writes in place of `typed`: the one match whole (a folder's with "/"), or
        /// the longest start all matches share (ignoring case and accents); nil when that adds
        /// nothing.
        func completion(of typed: String) -> String? {
            let matches = entries.filter { $0.kind != .parent }
            guard let first = matches.first else { return nil }
            if matches.count == 1 { return first.kind == .folder ? first.name + "/" : first.name }
            var shared = Array(first.name)
            for match in matches.dropFirst() {
                let other = Array(match.name)
                var count = 0
                while count < min(shared.count, other.count),
                      TextFolding.fold(String(shared[count])) == TextFolding.fold(String(other[count])) {
                    count += 1
                }
                shared.removeLast(shared.count - count)
            }
            let completion = String(shared)
            return completion.count >= typed.count && completion != typed ? completion : nil
        }
    }

    /// Entries examined per listing: beyond them, typing the start of a name narrows the list.
    static let limit = 2_000

    /// The folder, absolute.
    let path: String
    /// Why the folder could not be read, in Spanish; nil when it was.
    let failure: String?
    /// Subfolders first, then other names, each in folded order.
    private let names: [Name]
    /// Files already examined: their size and image information, nil when not a photo.
    private var photos: [String: (bytes: Int, info: ImageInfo)?] = [:]

    private struct Name {
        let name: String
        let folded: String
        let isFolder: Bool
    }

    /// Reads the names in the folder at `path` (absolute); a folder that cannot be read gives
    /// an empty listing with the reason in `failure`.
    init(path: String) {
        self.path = path
        guard let directory = opendir(path) else {
            failure = Self.failureReason(errno: errno)
            names = []
            return
        }
        defer { closedir(directory) }
        var names: [Name] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(validatingCString: $0) }
            }
            // A name that is not UTF-8 cannot be typed, shown or passed on faithfully.
            guard let name, name != ".", name != ".." else { continue }
            let isFolder = switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR): true
            case Int32(DT_LNK), Int32(DT_UNKNOWN): Self.isFolder(path: Self.join(path, name))
            default: false
            }
            names.append(Name(name: name, folded: TextFolding.fold(name), isFolder: isFolder))
        }
        self.names = names.sorted { ($0.isFolder ? 0 : 1, $0.folded, $0.name) < ($1.isFolder ? 0 : 1, $1.folded, $1.name) }
        failure = nil
    }

    /// The absolute path of `name` in this folder.
    func path(of name: String) -> String {
        Self.join(path, name)
    }

    /// The entries whose names start with `typed`: "../" first when nothing is typed (except
    /// at "/"), then folders and photos. Names starting with "." only when `showHidden` or when
    /// `typed` starts with ".".
    mutating func rows(matching typed: String, showHidden: Bool) -> Rows {
        var rows = Rows()
        guard failure == nil else { return rows }
        if typed.isEmpty, path != "/" { rows.entries.append(Entry(name: "..", kind: .parent)) }
        let folded = TextFolding.fold(typed)
        let showsDotted = showHidden || typed.hasPrefix(".")
        var examined = 0
        for name in names where name.folded.hasPrefix(folded) {
            if name.name.hasPrefix("."), !showsDotted {
                rows.hidden += 1
                continue
            }
            guard examined < Self.limit else {
                rows.unexamined += 1
                continue
            }
            examined += 1
            if name.isFolder {
                rows.entries.append(Entry(name: name.name, kind: .folder))
            } else if let photo = photo(named: name.name) {
                rows.entries.append(Entry(name: name.name, kind: .photo(bytes: photo.bytes, info: photo.info)))
            } else {
                rows.notPhotos += 1
            }
        }
        return rows
    }

    /// "La carpeta no existe", … : why `opendir` failed with `errno`.
    static func failureReason(errno: Int32) -> String {
        switch errno {
        case ENOENT: "La carpeta no existe."
        case ENOTDIR: "No es una carpeta."
        case EACCES, EPERM: "No hay permiso para leer esta carpeta."
        default: String(cString: strerror(errno)) + "."
        }
    }

    /// The size and image information of the file `name`, read once.
    private mutating func photo(named name: String) -> (bytes: Int, info: ImageInfo)? {
        if let known = photos[name] { return known }
        let file = Self.join(path, name)
        var status = stat()
        var photo: (bytes: Int, info: ImageInfo)?
        if stat(file, &status) == 0, let info = ImageHeader.info(ofFileAt: file) {
            photo = (Int(status.st_size), info)
        }
        photos[name] = .some(photo)
        return photo
    }

    /// Whether `path` is a folder, following a symbolic link.
    private static func isFolder(path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
    }

    private static func join(_ folder: String, _ name: String) -> String {
        folder == "/" ? "/" + name : folder + "/" + name
    }
}
