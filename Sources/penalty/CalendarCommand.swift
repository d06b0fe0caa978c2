import ArgumentParser
import LatePenalty

/// `penalty calendar`: national holidays and office closing days.
struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "National holidays and the closing days of offices and banks.",
        subcommands: [Holidays.self, NextOpen.self, OpenDays.self])

    /// --calendar (a shipped name) or --calendar-file (a user's file).
    struct CalendarChoice: ParsableArguments {
        @Option(help: "government, bank or national-holidays.")
        var calendar: String = "government"

        @Option(name: .customLong("calendar-file"), help: "A calendar file (docs/calendar.md) instead of --calendar.")
        var calendarFile: String?

        func resolve() throws -> any ClosingCalendar {
            if let calendarFile {
                guard calendar == "government" else { throw ValidationError("give --calendar or --calendar-file, not both") }
                do { return try CustomCalendar.load(path: calendarFile) } catch { throw ValidationError(error.description) }
            }
            guard let chosen = Calendars.named(calendar) else {
                throw ValidationError("unknown calendar '\(calendar)'; use one of \(Calendars.all.map(\.name).joined(separator: ", ")), or --calendar-file")
            }
            return chosen
        }
    }

    /// A date argument, refused past the last year whose holidays are known.
    static func date(_ text: String, _ what: String) throws -> CivilDate {
        do {
            let date = try CivilDate.parse(text, field: what)
            try NationalHolidayCalendar().checkCovers(date, field: what)
            return date
        } catch { throw ValidationError(error.description) }
    }

    struct Holidays: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the national holidays between two dates as date,name lines.",
            discussion: "Years after the last published Cabinet Office list are computed by the same rules and marked (provisional).")

        @Option(help: "The first date (any accepted form: 2026-01-01, R8.1.1 …).")
        var from: String

        @Option(help: "The last date.")
        var to: String

        func run() throws {
            let first = try CalendarCommand.date(from, "from"), last = try CalendarCommand.date(to, "to")
            guard first <= last else { throw ValidationError("--from is after --to") }
            print("date,name")
            for holiday in JapaneseHolidays.holidays(from: first, through: last) {
                print("\(holiday.date),\(holiday.name)\(holiday.provisional ? " (provisional)" : "")")
            }
        }
    }

    struct NextOpen: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "next-open",
            abstract: "Print the date itself if the office is open on it, else the next open day, with the closed days passed.")

        @Argument(help: "The date (e.g. a deadline).")
        var date: String

        @OptionGroup var choice: CalendarChoice

        func run() throws {
            let chosen = try choice.resolve()
            let (open, skipped): (CivilDate, [(CivilDate, String)])
            do { (open, skipped) = try chosen.checkedRollForward(try CalendarCommand.date(date, "date"), field: "date") } catch let error as InputError {
                throw ValidationError(error.description)
            }
            print(open)
            for (day, reason) in skipped { print("  closed \(day) (\(day.weekday.japaneseName)): \(reason)") }
        }
    }

    struct OpenDays: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "open-days",
            abstract: "Count the open days between two dates, both counted.")

        @Option(help: "The first date.")
        var from: String

        @Option(help: "The last date.")
        var to: String

        @OptionGroup var choice: CalendarChoice

        func run() throws {
            let chosen = try choice.resolve()
            let first = try CalendarCommand.date(from, "from"), last = try CalendarCommand.date(to, "to")
            guard first <= last else { throw ValidationError("--from is after --to") }
            print(chosen.openDays(from: first, through: last))
        }
    }
}
