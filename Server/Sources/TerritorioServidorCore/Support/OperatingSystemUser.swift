import Foundation

/// Who runs this process, by the operating system's account: what the audit of personal data
/// records as "who", since the commands that delete data have no login of their own.
public enum OperatingSystemUser {
    public static var name: String {
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name {
            return String(cString: name)
        }
        return "uid \(geteuid())"
    }
}
