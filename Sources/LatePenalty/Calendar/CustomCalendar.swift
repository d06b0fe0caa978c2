import Foundation

/// A user's calendar: a shipped calendar with days closed or opened on top, from a file.
///
/// The file is CSV with the header `date,action,name`: `action` is `close` or `open`; `name` says
/// why (`創立記念日`, `臨時開庁`). The first line may instead be `base,NAME` to choose the shipped
/// calendar to start from (default `government`).
public struct CustomCalendar: ClosingCalendar {
    public let name: String
    public let base: any ClosingCalendar
    public let closed: [CivilDate: String]
    public let opened: Set<CivilDate>

    public init(name: String, base: any ClosingCalendar, closed: [CivilDate: String], opened: Set<CivilDate>) {
        self.name = name
        self.base = base
        self.closed = closed
        self.opened = opened
    }

    public func closure(on date: CivilDate) -> String? {
        if opened.contains(date) { return nil }
        return closed[date] ?? base.closure(on: date)
    }

    /// Reads a calendar file; the error names the line.
    public static func load(path: String) throws(InputError) -> CustomCalendar {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw InputError(field: "calendar", reason: "cannot read the calendar file '\(path)'")
        }
        var base: any ClosingCalendar = GovernmentOfficeCalendar()
        var closed: [CivilDate: String] = [:]
        var opened = Set<CivilDate>()
        for (index, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = rawLine.trimmingSpaces
            if line.isEmpty || line.hasPrefix("#") || line == "date,action,name" { continue }
            let parts = line.split(separator: ",", maxSplits: 2, omittingEmptySubsequences: false).map { String($0.trimmingSpaces) }
            func fail(_ reason: String) -> InputError { InputError(field: "calendar", reason: "\(path) line \(index + 1): \(reason)") }
            if parts[0] == "base" {
                guard parts.count >= 2, let named = Calendars.named(parts[1]) else {
                    throw fail("base must name a calendar: \(Calendars.all.map(\.name).joined(separator: ", "))")
                }
                base = named
                continue
            }
            guard parts.count >= 2 else { throw fail("expected date,action,name") }
            let date: CivilDate
            do throws(InputError) { date = try CivilDate.parse(parts[0], field: "date") } catch { throw fail(error.description) }
            switch parts[1] {
            case "close":
                guard !opened.contains(date) && closed[date] == nil else { throw fail("\(date) is already given; give each date once") }
                closed[date] = parts.count > 2 && !parts[2].isEmpty ? parts[2] : "closed (\(path))"
            case "open":
                guard !opened.contains(date) && closed[date] == nil else { throw fail("\(date) is already given; give each date once") }
                opened.insert(date)
            default: throw fail("action '\(parts[1])' is not close or open")
            }
        }
        if closed.isEmpty && opened.isEmpty {
            throw InputError(field: "calendar", reason: "\(path) closes or opens no day; it would be the \(base.name) calendar unchanged (check the file)")
        }
        return CustomCalendar(name: path, base: base, closed: closed, opened: opened)
    }
}
