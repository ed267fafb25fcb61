extension String {
    /// The text with its control characters (a terminal's escape sequences among them) shown as
    /// `�`, for a message that repeats a value from outside.
    var visible: String {
        String(String.UnicodeScalarView(unicodeScalars.map { $0.properties.generalCategory == .control ? "\u{FFFD}" : $0 }))
    }
}
