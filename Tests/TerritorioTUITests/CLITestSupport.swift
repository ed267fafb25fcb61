import Foundation
import Testing
import TerritorioTestSupport

/// The result of running the real `territorio` binary.
struct Run {
    let status: Int32
    let stdout: String
    let stderr: String
}

/// Runs real `territorio` processes against a private data directory.
struct CLI {
    /// The folder of the test runner, where SwiftPM also puts `territorio` and its resource bundle.
    static let binFolder: String = {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var folder = (exe as NSString).deletingLastPathComponent
        // swift test runs `…/debug/TerritorioPackageTests.xctest`, a file beside the binary.
        while !FileManager.default.isExecutableFile(atPath: folder + "/territorio"), folder != "/" {
            folder = (folder as NSString).deletingLastPathComponent
        }
        return folder
    }()

    static var binary: String { binFolder + "/territorio" }

    /// The small catalogue in Tests/Fixtures.
    static let fixtureCatalogue = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/catalogo-pequeno.json").path

    let executable: String
    /// The home folder, which holds the data directory; removed when the last copy goes.
    let folder: TemporaryFolder
    let dataDirectory: String
    var environment: [String: String]

    /// A CLI on a fresh data directory inside `folder`, with an environment that holds nothing
    /// of the developer's own (no TERRITORIO_DATOS, no XDG paths).
    init(folder: TemporaryFolder, executable: String = CLI.binary) {
        self.executable = executable
        self.folder = folder
        self.dataDirectory = folder.path + "/datos"
        self.environment = ["PATH": "/usr/bin:/bin", "HOME": folder.path, "LANG": "C.UTF-8"]
    }

    /// A CLI in a new temporary folder of its own.
    init() throws {
        self.init(folder: try TemporaryFolder())
    }

    /// Runs `territorio` with `--datos` added, unless `withDataOption` is false.
    func run(_ arguments: [String], withDataOption: Bool = true, currentDirectory: String? = nil) throws -> Run {
        try Self.execute(executable, (withDataOption ? ["--datos", dataDirectory] : []) + arguments,
                         environment: environment, currentDirectory: currentDirectory)
    }

    /// Runs `executable`, its output captured in files (no pipe can fill up and block it).
    static func execute(_ executable: String, _ arguments: [String], environment: [String: String],
                        currentDirectory: String? = nil) throws -> Run {
        let capture = try TemporaryFolder()
        let outPath = capture.path + "/stdout", errPath = capture.path + "/stderr"
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        if let currentDirectory { process.currentDirectoryURL = URL(fileURLWithPath: currentDirectory) }
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return Run(status: process.terminationStatus,
                   stdout: try String(contentsOfFile: outPath, encoding: .utf8),
                   stderr: try String(contentsOfFile: errPath, encoding: .utf8))
    }
}
