namespace Strata.Schema.Diagnostics
{
    /// <summary>How serious a diagnostic is.</summary>
    public enum DiagnosticSeverity
    {
        /// <summary>The schema works, but something is likely a mistake or not supported fully.</summary>
        Warning,

        /// <summary>The schema cannot be used until this is fixed.</summary>
        Error,
    }
}
