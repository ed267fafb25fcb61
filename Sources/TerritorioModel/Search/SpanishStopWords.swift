/// Words that say nothing about a route (`de`, `la`, `en`…): dropped from a query unless the
/// query has nothing else.
enum SpanishStopWords {
    static let words: Set<String> = [
        "a", "al", "con", "de", "del", "el", "en", "es", "la", "las", "lo", "los", "o", "para", "por",
        "que", "se", "su", "sus", "u", "un", "una", "unas", "unos", "y", "e", "le", "les", "me", "mi",
        "muy", "hay", "esta", "este", "esto", "como", "donde", "cuando", "porque", "sin", "sobre",
    ]
}
