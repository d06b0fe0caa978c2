import Hummingbird
import LatePenalty

/// `GET /v1/calendar/holidays?from=&to=` and `GET /v1/calendar/next-open?date=&calendar=`: what
/// `penalty calendar holidays` and `penalty calendar next-open` print, as JSON.
enum CalendarRoutes {
    /// The most days one holidays request may span: some four centuries.
    static let maxDays = 146_097

    static func holidays(_ request: Request) throws -> Response {
        let first = try date(request, "from"), last = try date(request, "to")
        guard first <= last else { throw Problem(.badRequest, "Invalid parameter", detail: "'from' is after 'to'", field: "from") }
        guard first.distance(to: last) < maxDays else {
            throw Problem(.badRequest, "Invalid parameter", detail: "ask for at most \(maxDays) days at once", field: "to")
        }
        var json = JSONWriter(capacity: 4096)
        json.object { json in
            json.key("holidays")
            json.array { json in
                for holiday in JapaneseHolidays.holidays(from: first, through: last) {
                    json.object { json in
                        json.key("date")
                        json.string(holiday.date.iso8601)
                        json.key("name")
                        json.string(holiday.name)
                        json.key("provisional")
                        json.bool(holiday.provisional)
                    }
                }
            }
        }
        return JSONResponse.ok(json)
    }

    static func nextOpen(_ request: Request) throws -> Response {
        let name = RequestBodies.query(request, "calendar") ?? "government"
        guard let calendar = Calendars.named(name) else {
            throw Problem(
                .badRequest, "Invalid parameter",
                detail: "unknown calendar '\(name)'; use one of \(Calendars.all.map(\.name).joined(separator: ", "))", field: "calendar")
        }
        let (open, skipped): (CivilDate, [(CivilDate, String)])
        do { (open, skipped) = try calendar.checkedRollForward(try date(request, "date"), field: "date") } catch let error as InputError {
            throw Problem(error)
        }
        var json = JSONWriter(capacity: 512)
        json.object { json in
            json.key("date")
            json.string(open.iso8601)
            json.key("calendar")
            json.string(calendar.name)
            json.key("skipped")
            json.array { json in
                for (day, reason) in skipped {
                    json.object { json in
                        json.key("date")
                        json.string(day.iso8601)
                        json.key("reason")
                        json.string(reason)
                    }
                }
            }
        }
        return JSONResponse.ok(json)
    }

    /// A date parameter in any accepted form, refused past the last year whose holidays are known.
    static func date(_ request: Request, _ name: String) throws -> CivilDate {
        guard let text = RequestBodies.query(request, name) else {
            throw Problem(.badRequest, "Missing parameter", detail: "give '\(name)' as a date (2026-01-01, R8.1.1 …)", field: name)
        }
        do {
            let date = try CivilDate.parse(text, field: name)
            try NationalHolidayCalendar().checkCovers(date, field: name)
            return date
        } catch {
            throw Problem(error)
        }
    }
}
