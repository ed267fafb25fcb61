import Foundation
import Testing
@testable import TerritorioModel
import TerritorioTestSupport

/// Whether the data directory is on an encrypted device, read from fake `/proc` and `/sys` trees
/// built like the kernel's (device folders under `sys/class/block`, `sys/dev/block/MAJ:MIN`
/// links to them), and from this machine's own.
@Suite struct DiskEncryptionTests {
    /// A fake root: `proc/self/mountinfo` with `mounts`, and block devices added one by one.
    private struct FakeRoot {
        let path: String

        init(_ path: String, mounts: [String]) throws {
            self.path = path
            try FileManager.default.createDirectory(atPath: path + "/proc/self", withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: path + "/sys/dev/block", withIntermediateDirectories: true)
            try writeFile(mounts.joined(separator: "\n") + "\n", to: path + "/proc/self/mountinfo")
        }

        /// A device `name` numbered `number` (`253:0`), a dm mapping when `uuid` is given, standing on `slaves`.
        func device(_ name: String, _ number: String, uuid: String? = nil, mapperName: String? = nil, slaves: [String] = []) throws {
            let folder = path + "/sys/class/block/" + name
            try FileManager.default.createDirectory(atPath: folder + "/slaves", withIntermediateDirectories: true)
            try writeFile("MAJOR=\(number.split(separator: ":")[0])\nDEVNAME=\(name)\n", to: folder + "/uevent")
            if let uuid {
                try FileManager.default.createDirectory(atPath: folder + "/dm", withIntermediateDirectories: true)
                try writeFile(uuid + "\n", to: folder + "/dm/uuid")
                try writeFile((mapperName ?? name) + "\n", to: folder + "/dm/name")
            }
            for slave in slaves {
                try FileManager.default.createSymbolicLink(atPath: folder + "/slaves/" + slave, withDestinationPath: "../../" + slave)
            }
            try FileManager.default.createSymbolicLink(atPath: path + "/sys/dev/block/" + number,
                                                       withDestinationPath: "../../class/block/" + name)
        }

        func check(_ path: String) -> DiskEncryption {
            DiskEncryption.check(path: path, root: self.path)
        }
    }

    private func withRoot(_ mounts: [String], _ body: (FakeRoot) throws -> Void) throws {
        try withTemporaryDirectory { folder in try body(try FakeRoot(folder, mounts: mounts)) }
    }

    private static let proc = "22 27 0:21 / /proc rw,relatime - proc proc rw"

    @Test func luksUnderTheRootFilesystem() throws {
        try withRoot([Self.proc, "27 1 253:0 / / rw,relatime shared:1 - ext4 /dev/mapper/luks-7f3a rw"]) { root in
            try root.device("sda", "8:0")
            try root.device("dm-0", "253:0", uuid: "CRYPT-LUKS2-7f3a0c9be1d84c52a7b2f0e1d2c3b4a5-luks-7f3a", slaves: ["sda"])
            let result = root.check("/home/ana/.local/share/territorio")
            #expect(result == .encrypted(device: "dm-0"))
            #expect(result.notice == nil)
        }
    }

    @Test func lvmOnLuksIsFollowedThroughSlaves() throws {
        try withRoot([
            "27 1 8:1 / / rw - ext4 /dev/sda1 rw",
            "40 27 253:1 / /home rw - ext4 /dev/mapper/vg-home rw",
        ]) { root in
            try root.device("sda1", "8:1")
            try root.device("sda2", "8:2")
            try root.device("dm-0", "253:0", uuid: "CRYPT-LUKS2-0123-sda2_crypt", slaves: ["sda2"])
            try root.device("dm-1", "253:1", uuid: "LVM-abcdefHOME", slaves: ["dm-0"])
            #expect(root.check("/home/ana/.local/share/territorio") == .encrypted(device: "dm-1"))
            // The other filesystem, on a plain partition, is not.
            let plain = root.check("/var/lib/territorio")
            #expect(plain == .notEncrypted(device: "sda1"))
            #expect(plain.notice == "el disco no está cifrado (o no se pudo comprobar): si pierde el equipo, los datos de los ciudadanos quedan legibles")
        }
    }

    @Test func lvmOnAPlainPartitionOrPartlyOnOneIsNotEncrypted() throws {
        try withRoot(["27 1 253:1 / / rw - ext4 /dev/mapper/vg-root rw", "41 27 253:2 / /datos rw - xfs /dev/mapper/vg-datos rw"]) { root in
            try root.device("sda2", "8:2")
            try root.device("sdb1", "8:17")
            try root.device("dm-0", "253:0", uuid: "CRYPT-LUKS1-99-sdb1_crypt", slaves: ["sdb1"])
            try root.device("dm-1", "253:1", uuid: "LVM-root", slaves: ["sda2"])
            try root.device("dm-2", "253:2", uuid: "LVM-datos", slaves: ["dm-0", "sda2"])
            #expect(root.check("/home/ana") == .notEncrypted(device: "dm-1"))
            #expect(root.check("/datos/territorio") == .notEncrypted(device: "dm-2"))
        }
    }

    @Test func aPlainDisk() throws {
        try withRoot(["27 1 254:0 / / rw,relatime - ext4 /dev/vda rw,discard"]) { root in
            try root.device("vda", "254:0")
            #expect(root.check("/home/ana/.local/share/territorio") == .notEncrypted(device: "vda"))
        }
    }

    @Test("tmpfs, overlay and a device /sys does not show cannot be told", arguments: [
        ("27 1 254:0 / / rw - ext4 /dev/vda rw\n60 27 0:45 / /tmp rw - tmpfs tmpfs rw", "/tmp/datos", "tmpfs"),
        ("27 1 0:52 / / rw - overlay overlay rw,lowerdir=/a,upperdir=/b", "/home/ana/datos", "overlay"),
        ("27 1 8:3 / / rw - ext4 /dev/sda3 rw", "/home/ana/datos", "8:3"),
    ])
    func cannotBeTold(mounts: String, path: String, what: String) throws {
        try withRoot(mounts.split(separator: "\n").map(String.init)) { root in
            try root.device("vda", "254:0")
            let result = root.check(path)
            #expect(result == .unknown(reason: what.contains(":") ? "su dispositivo \(what) no aparece en /sys/dev/block"
                                                                  : "la carpeta está en \(what), que no es un disco"))
            #expect(result.notice != nil)
        }
    }

    @Test func btrfsOnLuksIsFoundFromTheMountedMapping() throws {
        try withRoot(["27 1 0:33 /@home /home rw - btrfs /dev/mapper/luks-5c1e rw,subvol=/@home"]) { root in
            try root.device("nvme0n1p2", "259:2")
            try root.device("dm-0", "253:0", uuid: "CRYPT-LUKS2-5c1e-luks-5c1e", mapperName: "luks-5c1e", slaves: ["nvme0n1p2"])
            #expect(root.check("/home/ana") == .encrypted(device: "dm-0"))
        }
    }

    @Test func theDeepestMountWinsAndEscapedSpacesAreRead() throws {
        try withRoot([
            "27 1 253:0 / / rw - ext4 /dev/mapper/root rw",
            "70 27 8:17 / /media/ana/Mi\\040Disco rw - vfat /dev/sdb1 rw",
        ]) { root in
            try root.device("sdb1", "8:17")
            try root.device("dm-0", "253:0", uuid: "CRYPT-LUKS2-1-root")
            #expect(root.check("/media/ana/Mi Disco/territorio") == .notEncrypted(device: "sdb1"))
            #expect(root.check("/media/ana/Mi Disco2/territorio") == .encrypted(device: "dm-0"))
            #expect(root.check("/media/ana") == .encrypted(device: "dm-0"))
        }
    }

    @Test func withoutProcItCannotBeTold() throws {
        try withTemporaryDirectory { folder in
            let result = DiskEncryption.check(path: "/home/ana", root: folder)
            #expect(result == .unknown(reason: "no se pudo leer /proc/self/mountinfo"))
            #expect(result.notice != nil)
        }
    }

    /// This machine: whatever its disk, the answer agrees with the kernel's own files.
    @Test func thisMachine() throws {
        try withTemporaryDirectory { folder in
            let result = DiskEncryption.of(DataDirectory(path: folder))
            let mountinfo = try String(contentsOfFile: "/proc/self/mountinfo", encoding: .utf8)
            let path = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
            let mount = try #require(MountTable(mountinfo: mountinfo).mount(holding: path))
            switch result {
            case .encrypted(let device), .notEncrypted(let device):
                #expect(FileManager.default.fileExists(atPath: "/sys/class/block/" + device))
                #expect((result == .encrypted(device: device)) == (result.notice == nil))
            case .unknown:
                #expect(result.notice != nil)
            }
            #expect(mount.mountPoint.hasPrefix("/"))
        }
    }
}
