// A hook for the tests that hold the bundled regime files to the checks a user's file gets at
// load: package access, never public.

extension DataRegime {
    /// The error the texts of the regime's definition (sources, title, summary) would raise in a
    /// user's regime file, or nil: the bundled files are not checked at every start.
    package var textProblem: InputError? {
        do throws(InputError) {
            try DataRegime.checkTexts(of: definition)
            return nil
        } catch {
            return error
        }
    }
}
