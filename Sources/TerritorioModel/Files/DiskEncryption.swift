import Foundation

/// Whether the data directory lives on an encrypted device (dm-crypt/LUKS), as the kernel tells
/// it: the directory's mount in `/proc/self/mountinfo`, then its device in
/// `/sys/dev/block/MAJ:MIN` — encrypted when its `dm/uuid` starts with `CRYPT-`, or when every
/// device under it (`slaves/`: LVM on LUKS) is. A lost laptop with an unencrypted disk gives away
/// the citizens' data (Ley 1581 de 2012), so the profile says so.
public enum DiskEncryption: Equatable, Sendable {
    /// On an encrypted device (its kernel name, `dm-0`).
    case encrypted(device: String)
    /// On a block device with no encryption under it.
    case notEncrypted(device: String)
    /// It cannot be told: tmpfs, overlay, no block device, no /proc or /sys.
    case unknown(reason: String)

    /// The notice for the gestor, nil when the disk is encrypted.
    public var notice: String? {
        switch self {
        case .encrypted: nil
        case .notEncrypted, .unknown:
            "el disco no está cifrado (o no se pudo comprobar): si pierde el equipo, los datos de los ciudadanos quedan legibles"
        }
    }

    /// What was found, in a few words («en vda, sin cifrar», «no se pudo comprobar: tmpfs no es un disco»).
    public var detail: String {
        switch self {
        case .encrypted(let device): "cifrado (\(device))"
        case .notEncrypted(let device): "en \(device), sin cifrar"
        case .unknown(let reason): "no se pudo comprobar: \(reason)"
        }
    }

    /// The data directory's case on this machine; its symbolic links are resolved first.
    public static func of(_ directory: DataDirectory) -> DiskEncryption {
        let resolved = URL(fileURLWithPath: directory.path).resolvingSymlinksInPath().path
        return check(path: resolved, root: "/")
    }

    /// The case of `path` (absolute, links resolved) as read from the `/proc` and `/sys` found
    /// under `root` — `/` for the machine itself, a folder with copies of them in tests.
    public static func check(path: String, root: String) -> DiskEncryption {
        let base = root.hasSuffix("/") ? String(root.dropLast()) : root
        guard let text = try? String(contentsOfFile: base + "/proc/self/mountinfo", encoding: .utf8) else {
            return .unknown(reason: "no se pudo leer /proc/self/mountinfo")
        }
        guard let mount = MountTable(mountinfo: text).mount(holding: path) else {
            return .unknown(reason: "no se encontró el montaje de la carpeta")
        }
        let sys = SysBlock(base: base)
        guard let device = sys.device(of: mount) else {
            return .unknown(reason: mount.major == 0 ? "la carpeta está en \(mount.fileSystem), que no es un disco"
                                : "su dispositivo \(mount.major):\(mount.minor) no aparece en /sys/dev/block")
        }
        return sys.isEncrypted(device) ? .encrypted(device: sys.name(of: device)) : .notEncrypted(device: sys.name(of: device))
    }
}

/// Block devices as `/sys` shows them, under a root folder.
private struct SysBlock {
    let base: String

    /// The device's folder in `/sys/dev/block` — from the mount's numbers, or, for a filesystem
    /// that reports none (btrfs), from the `/dev/…` it was mounted from.
    func device(of mount: MountTable.Mount) -> String? {
        if mount.major != 0 {
            let folder = base + "/sys/dev/block/\(mount.major):\(mount.minor)"
            return exists(folder) ? folder : nil
        }
        guard mount.source.hasPrefix("/dev/") else { return nil }
        let name = (mount.source as NSString).lastPathComponent
        if mount.source.hasPrefix("/dev/mapper/") {
            let blocks = (try? FileManager.default.contentsOfDirectory(atPath: base + "/sys/class/block")) ?? []
            return blocks.sorted().map { base + "/sys/class/block/" + $0 }.first { read($0 + "/dm/name") == name }
        }
        let folder = base + "/sys/class/block/" + name
        return exists(folder) ? folder : nil
    }

    /// Encrypted when its mapping is dm-crypt's, or when it stands on devices that all are.
    func isEncrypted(_ folder: String, depth: Int = 0) -> Bool {
        if read(folder + "/dm/uuid")?.hasPrefix("CRYPT-") == true { return true }
        guard depth < 16, let slaves = try? FileManager.default.contentsOfDirectory(atPath: folder + "/slaves"),
              !slaves.isEmpty else { return false }
        return slaves.allSatisfy { isEncrypted(base + "/sys/class/block/" + $0, depth: depth + 1) }
    }

    /// The kernel's name for the device (`dm-1`, `vda`).
    func name(of folder: String) -> String {
        if let name = read(folder + "/uevent")?.split(separator: "\n").first(where: { $0.hasPrefix("DEVNAME=") }) {
            return String(name.dropFirst("DEVNAME=".count))
        }
        return (URL(fileURLWithPath: folder).resolvingSymlinksInPath().path as NSString).lastPathComponent
    }

    private func read(_ path: String) -> String? {
        (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path)
    }
}
