/// Counts as a gestor in Colombia writes them: `100.000 rutas`, `1 ruta`.
enum NumberText {
    /// `100000` → `100.000`.
    static func grouped(_ number: Int) -> String {
        let digits = String(abs(number))
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(".") }
            result.append(digit)
        }
        return number < 0 ? "-" + result : result
    }

    /// `3 rutas`, `1 ruta`, `0 rutas`.
    static func count(_ number: Int, _ singular: String, _ plural: String) -> String {
        grouped(number) + " " + (number == 1 ? singular : plural)
    }
}
