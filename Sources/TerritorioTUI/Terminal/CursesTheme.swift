import CNcurses

/// How each `Style` looks under a `--colores` theme: attributes and a colour pair. Monochrome
/// uses attributes only; high contrast forces bold white on black for sunlight.
struct CursesTheme {
    struct Look {
        var attributes: attr_t
        var pair: Int16
    }

    private var looks: [Look]

    /// Defines the colour pairs the theme needs; call after `start_color` when colours exist.
    init(mode: ColorMode, hasColors: Bool) {
        let effective = hasColors ? mode : .mono
        looks = Style.allCases.map { _ in Look(attributes: territorio_a_normal(), pair: 0) }
        if effective != .mono {
            start_color()
            if effective == .altoContraste {
                assume_default_colors(Int32(COLOR_WHITE), Int32(COLOR_BLACK))
            } else {
                use_default_colors()
            }
        }
        for style in Style.allCases {
            let (attributes, colors) = Self.definition(style, effective)
            var look = Look(attributes: attributes, pair: 0)
            if let colors {
                let pair = Int16(style.rawValue + 1)
                init_pair(pair, colors.foreground, colors.background)
                look.pair = pair
            }
            looks[style.rawValue] = look
        }
    }

    func look(_ style: Style) -> Look {
        looks[style.rawValue]
    }

    private typealias Colors = (foreground: Int16, background: Int16)

    private static func definition(_ style: Style, _ mode: ColorMode) -> (attr_t, Colors?) {
        let bold = territorio_a_bold(), reverse = territorio_a_reverse(), underline = territorio_a_underline()
        let normal = territorio_a_normal(), dim = territorio_a_dim()
        let (black, white, blue, yellow, cyan, red) = (Int16(COLOR_BLACK), Int16(COLOR_WHITE), Int16(COLOR_BLUE),
                                                       Int16(COLOR_YELLOW), Int16(COLOR_CYAN), Int16(COLOR_RED))
        switch mode {
        case .mono:
            switch style {
            case .plain, .frame: return (normal, nil)
            case .muted: return (normal, nil)
            case .header, .warning, .status, .footerKey: return (reverse | bold, nil)
            case .footer, .selected: return (reverse, nil)
            case .title, .stepNumber, .channelValue, .unconfirmed, .input, .error: return (bold, nil)
            case .heading: return (bold | underline, nil)
            case .match: return (bold | underline, nil)
            case .selectedMatch: return (reverse | bold | underline, nil)
            }
        case .normal:
            switch style {
            case .plain: return (normal, nil)
            case .header: return (bold, (white, blue))
            case .warning: return (bold, (black, yellow))
            case .footer: return (reverse, nil)
            case .footerKey: return (reverse | bold, nil)
            case .status: return (bold, (black, cyan))
            case .title, .stepNumber, .channelValue, .input: return (bold, nil)
            case .heading: return (bold, (cyan, -1))
            case .muted: return (dim, nil)
            case .selected: return (reverse, nil)
            case .match: return (bold | underline, nil)
            case .selectedMatch: return (reverse | bold | underline, nil)
            case .frame: return (normal, (cyan, -1))
            case .unconfirmed: return (bold, (red, -1))
            case .error: return (bold, (red, -1))
            }
        case .altoContraste:
            switch style {
            case .plain, .frame, .muted: return (normal, (white, black))
            case .header, .footer: return (bold, (black, white))
            case .footerKey: return (bold | underline, (black, white))
            case .warning, .status: return (bold, (black, yellow))
            case .title, .stepNumber, .channelValue, .input, .heading: return (bold, (white, black))
            case .selected: return (bold, (black, yellow))
            case .match: return (bold | underline, (yellow, black))
            case .selectedMatch: return (bold | underline, (black, yellow))
            case .unconfirmed, .error: return (bold, (yellow, black))
            }
        }
    }
}
