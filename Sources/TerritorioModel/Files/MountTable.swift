import Foundation

/// The mounts of `/proc/self/mountinfo`: which filesystem, on which device, holds a path.
struct MountTable {
    /// One line of mountinfo.
    struct Mount: Equatable {
        /// Major and minor device numbers (`0` major: no block device — tmpfs, overlay, btrfs…).
        let major: Int
        let minor: Int
        let mountPoint: String
        let fileSystem: String
        /// What was mounted (`/dev/vda1`, `tmpfs`, `overlay`).
        let source: String
    }

    let mounts: [Mount]

    /// Parses mountinfo's text; lines it cannot read are skipped.
    init(mountinfo: String) {
        mounts = mountinfo.split(separator: "\n").compactMap(Self.parse)
    }

    /// The mount that holds `path` (absolute, symbolic links already resolved): the deepest
    /// mount point above it, the last mounted when several share it.
    func mount(holding path: String) -> Mount? {
        var best: Mount?
        for mount in mounts where Self.contains(mount.mountPoint, path) {
            if best == nil || mount.mountPoint.count >= best!.mountPoint.count { best = mount }
        }
        return best
    }

    private static func contains(_ mountPoint: String, _ path: String) -> Bool {
        mountPoint == "/" || path == mountPoint || path.hasPrefix(mountPoint + "/")
    }

    /// `36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue`
    private static func parse(_ line: Substring) -> Mount? {
        let fields = line.split(separator: " ", omittingEmptySubsequences: true)
        guard fields.count >= 7, let separator = fields.firstIndex(of: "-"), separator >= 6, fields.count >= separator + 3 else {
            return nil
        }
        let numbers = fields[2].split(separator: ":")
        guard numbers.count == 2, let major = Int(numbers[0]), let minor = Int(numbers[1]) else { return nil }
        return Mount(major: major, minor: minor, mountPoint: unescape(fields[4]), fileSystem: String(fields[separator + 1]),
                     source: unescape(fields[separator + 2]))
    }

    /// mountinfo writes space, tab, newline and backslash as three octal digits (`\040`).
    private static func unescape(_ field: Substring) -> String {
        var bytes: [UInt8] = []
        var scalars = Array(field.utf8)[...]
        while let byte = scalars.popFirst() {
            if byte == UInt8(ascii: "\\"), scalars.count >= 3,
               let value = UInt8(String(decoding: scalars.prefix(3), as: UTF8.self), radix: 8) {
                bytes.append(value)
                scalars = scalars.dropFirst(3)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
