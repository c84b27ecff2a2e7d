using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Verbatim.Web.Hosting;

/// <summary>
/// The query parameters the reader reads as numbers or flags, and the one check of their values
/// that every request passes before an endpoint binds them.
/// </summary>
/// <remarks>
/// A parameter means one thing wherever it is read (page, version, from...), so one table serves
/// the pages and the API alike, and the framework's own binding, which answers a value it cannot
/// read with an empty 400, never meets one. An empty value ("from=", as a form sends a field left
/// empty) means the parameter was not given.
/// </remarks>
public static class QueryParameters
{
    private enum Kind { WholeNumber, Flag }

    private sealed record Rule(Kind Kind, int Minimum = int.MinValue);

    private static readonly Dictionary<string, Rule> Rules = new(StringComparer.OrdinalIgnoreCase)
    {
        ["page"] = new(Kind.WholeNumber, Minimum: 1),
        ["version"] = new(Kind.WholeNumber, Minimum: 1),
        // The versions of the two sides of /testimonies (a and b).
        ["av"] = new(Kind.WholeNumber, Minimum: 1),
        ["bv"] = new(Kind.WholeNumber, Minimum: 1),
        ["part"] = new(Kind.WholeNumber, Minimum: 1),
        ["from"] = new(Kind.WholeNumber),
        ["to"] = new(Kind.WholeNumber),
        ["year"] = new(Kind.WholeNumber),
        ["at"] = new(Kind.WholeNumber, Minimum: 0),
        ["offset"] = new(Kind.WholeNumber, Minimum: 0),
        ["limit"] = new(Kind.WholeNumber, Minimum: 1),
        ["min"] = new(Kind.WholeNumber, Minimum: 1),
        ["ignoreCase"] = new(Kind.Flag),
        ["ignorePunctuation"] = new(Kind.Flag),
        ["foldTypography"] = new(Kind.Flag),
        ["transliterate"] = new(Kind.Flag),
        ["segments"] = new(Kind.Flag),
        ["boilerplate"] = new(Kind.Flag),
    };

    /// <summary>Every value of the query that its parameter cannot take, in the query's order.</summary>
    public static IReadOnlyList<ParameterError> Check(IQueryCollection query)
    {
        var errors = new List<ParameterError>();
        foreach (var (name, values) in query)
        {
            if (!Rules.TryGetValue(name, out var rule))
                continue;
            foreach (var value in values)
            {
                if (string.IsNullOrEmpty(value))
                    continue;
                if (Refusal(rule, value) is { } reason)
                    errors.Add(new ParameterError(name, value, reason));
            }
        }
        return errors;
    }

    /// <summary>A whole number as the check accepts it; null for no value (the check has refused any other).</summary>
    public static int? WholeNumber(string? text)
        => int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? number : null;

    private static string? Refusal(Rule rule, string value)
    {
        if (rule.Kind == Kind.Flag)
            return bool.TryParse(value, out _) ? null : "it is a flag, true or false";
        if (WholeNumber(value) is not { } number)
            return long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
                ? "it is too large a number"
                : "it must be a whole number";
        return number < rule.Minimum ? $"it must be {rule.Minimum} or more" : null;
    }
}

/// <summary>One value a query parameter cannot take, and why.</summary>
public sealed record ParameterError(string Parameter, string Value, string Reason)
{
    public string Message => $"The parameter “{Parameter}” cannot be “{Value}”: {Reason}.";
}
