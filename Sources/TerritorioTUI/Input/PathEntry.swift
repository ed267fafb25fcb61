/// The attachment picker's path entry: the text the gestor edits and what it names — a folder,
/// up to the last "/", and the start of a name after it. "~" stands for the home folder, as
/// typed and as shown; a path starting with neither "/" nor "~" is taken from the folder the
/// picker opened in.
struct PathEntry {
    /// Linux's `PATH_MAX`: a longer paste is cut, not typed.
    static let limit = 4_096

    private var field = TextField(limit: PathEntry.limit)
    /// The home folder, absolute, or nil when unknown (then "~" means nothing special).
    let home: String?
    /// Where relative paths start: the folder the picker opened in, absolute.
    let base: String

    /// An entry showing `folder`; `home` comes from the environment's `HOME`.
    init(folder: String, home: String?) {
        let home = home.flatMap { $0.hasPrefix("/") ? Self.normalized($0) : nil }
        self.home = home == "/" ? nil : home
        base = Self.expanded(folder, home: self.home, base: "/")
        show(folder: base)
    }

    /// What is typed up to and including the last "/".
    var folderText: Substring {
        text.lastIndex(of: "/").map { text[...$0] } ?? ""
    }

    /// The start of a name typed after the last "/".
    var name: String {
        String(text[folderText.endIndex...])
    }

    /// The absolute folder the entry names, without "." or ".." parts.
    var folder: String {
        Self.expanded(String(folderText), home: home, base: base)
    }

    /// What is typed.
    var text: String { field.text }

    // MARK: - Editing

    /// Applies `action` when it is typing, as a `TextField` does, except that Ctrl-W removes the
    /// last part of the path: the name being typed, or else the last folder (`~/Fotos/viejas/`
    /// becomes `~/Fotos/`), as a shell's Ctrl-W does for file names.
    /// - Returns: nil when `action` is not typing; false when a character did not fit.
    mutating func edit(_ action: Action) -> Bool? {
        guard action == .deleteWord else { return field.edit(action) }
        var text = self.text
        if text.last == "/" { text.removeLast() }
        while let last = text.last, last != "/" { text.removeLast() }
        field.replace(with: text)
        return true
    }

    /// Shows `folder` (absolute), ending in "/" so what follows names its content.
    mutating func show(folder: String) {
        let shown = Self.abbreviated(Self.normalized(folder), home: home)
        field.replace(with: shown.hasSuffix("/") ? shown : shown + "/")
    }

    /// Replaces the name being typed with `completion` (a folder's ends in "/").
    mutating func complete(name completion: String) {
        field.replace(with: String(folderText) + completion)
    }

    // MARK: - Paths

    /// `path` (absolute) with the home folder written "~".
    static func abbreviated(_ path: String, home: String?) -> String {
        guard let home else { return path }
        if path == home { return "~" }
        return path.hasPrefix(home + "/") ? "~" + path.dropFirst(home.count) : path
    }

    /// `path` (absolute) without empty, "." and ".." parts, worked out on the text alone:
    /// `/home/ana/../luis/` is `/home/luis`.
    static func normalized(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") where part != "." {
            if part == ".." {
                _ = parts.popLast()
            } else {
                parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }

    /// The absolute, normalised path that `typed` names.
    private static func expanded(_ typed: String, home: String?, base: String) -> String {
        if typed.hasPrefix("/") { return normalized(typed) }
        if let home, typed == "~" || typed.hasPrefix("~/") { return normalized(home + typed.dropFirst()) }
        return normalized(base + "/" + typed)
    }
}
