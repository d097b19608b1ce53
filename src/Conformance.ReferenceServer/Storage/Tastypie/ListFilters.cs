using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;

namespace Conformance.ReferenceServer.Storage.Tastypie;

/// <summary>
/// tastypie build_filters + check_filtering + Django lookups, evaluated in memory. Query parameters
/// that are not fields of the resource are ignored; a field that is not a model attribute is
/// "not a valid field name"; a field missing from Meta.filtering "does not allow filtering".
/// </summary>
internal sealed class ListFilters(Func<string, ResourceDefinition> resources, StorageVersion version)
{
    private const string Separator = "__";

    private static readonly HashSet<string> FieldLookups = new(StringComparer.Ordinal)
    {
        "exact", "iexact", "contains", "icontains", "in", "gt", "gte", "lt", "lte", "startswith", "istartswith",
        "endswith", "iendswith", "range", "isnull", "regex", "iregex", "search",
    };

    private static readonly HashSet<string> DateLookups = new(StringComparer.Ordinal)
    {
        "year", "month", "day", "week_day", "week", "hour", "minute", "second", "date", "time",
    };

    private sealed record Filter(IReadOnlyList<(ResourceDefinition Resource, FieldDefinition Field)> Chain, string Lookup, object? Value);

    public IReadOnlyList<T> Apply<T>(ResourceDefinition resource, IEnumerable<T> objects, QueryDict query)
        where T : class
    {
        var filters = Build(resource, query);
        return objects.Where(obj => filters.All(filter => Matches(obj, filter))).ToList();
    }

    /// <summary>build_filters alone, for get_multiple: its obj_get_list applies the query's filters too.</summary>
    public void Check(ResourceDefinition resource, QueryDict query) => Build(resource, query);

    /// <summary>tastypie apply_sorting: no SS resource declares ordering, so any order_by is a 400.</summary>
    public static void RejectSorting(ResourceDefinition resource, QueryDict query)
    {
        var parameter = query.Contains("order_by") ? "order_by" : query.Contains("sort_by") ? "sort_by" : null;
        if (parameter is null)
        {
            return;
        }
        foreach (var orderBy in query.GetList(parameter))
        {
            var fieldName = orderBy.Split(Separator)[0];
            if (fieldName.StartsWith('-'))
            {
                fieldName = fieldName[1..];
            }
            throw new TastypieBadRequestException(resource.Field(fieldName) is null
                ? $"No matching '{fieldName}' field for ordering on."
                : $"The '{fieldName}' field does not allow ordering.");
        }
    }

    private List<Filter> Build(ResourceDefinition resource, QueryDict query)
    {
        var filters = new List<Filter>();
        foreach (var expression in query.Keys)
        {
            var bits = expression.Split(Separator).ToList();
            var fieldName = bits[0];
            bits.RemoveAt(0);
            if (resource.Field(fieldName) is not { } field)
            {
                continue; // "It's not a field we know about. Move along citizen."
            }
            if (!field.IsModelField || field.Attribute is null)
            {
                throw new TastypieBadRequestException($"The '{fieldName}' field is not a valid field name");
            }
            var lookup = "exact";
            if (bits.Count > 0 && (FieldLookups.Contains(bits[^1]) || (field.Kind == FieldKind.DateTime && DateLookups.Contains(bits[^1]))))
            {
                lookup = bits[^1];
                bits.RemoveAt(bits.Count - 1);
            }
            var chain = CheckFiltering(resource, fieldName, bits);
            var value = FilterValueToPython(query.Get(expression)!, lookup, query.GetList(expression));
            RejectOutsideUtf8Mb3(chain[^1].Item2, value);
            filters.Add(new Filter(chain, lookup, value));
        }
        return filters;
    }

    private List<(ResourceDefinition, FieldDefinition)> CheckFiltering(ResourceDefinition resource, string fieldName, List<string> bits)
    {
        if (!resource.FilteringRules.TryGetValue(fieldName, out var level))
        {
            throw new TastypieBadRequestException($"The '{fieldName}' field does not allow filtering.");
        }
        // Meta.filtering naming a non-field (PackageResource's "path") raises KeyError: a 500.
        var field = resource.Field(fieldName) ?? throw new KeyNotFoundException(fieldName);
        if (field.Attribute is null)
        {
            throw new TastypieBadRequestException($"The '{fieldName}' field has no 'attribute' for searching with.");
        }
        var chain = new List<(ResourceDefinition, FieldDefinition)> { (resource, field) };
        if (bits.Count == 0)
        {
            return chain;
        }
        if (!field.IsRelated)
        {
            throw new TastypieBadRequestException($"The '{fieldName}' field does not support relations.");
        }
        if (level != Filtering.AllWithRelations)
        {
            throw new TastypieBadRequestException($"Lookups are not allowed more than one level deep on the '{fieldName}' field.");
        }
        chain.AddRange(CheckFiltering(resources(field.Related!), bits[0], bits.Skip(1).ToList()));
        return chain;
    }

    /// <summary>
    /// Django's MySQL backend connects with charset utf8 (utf8mb3) unless told otherwise, and the SS never
    /// tells it; against utf8mb4 tables (the MySQL 8 default) a value with a character outside the BMP
    /// compared with a text column is OperationalError 1267 "Illegal mix of collations": the canned 500
    /// (a known deviation). From 0.21 a UUID column validates the value first (400).
    /// </summary>
    private void RejectOutsideUtf8Mb3(FieldDefinition field, object? value)
    {
        if (field.Kind != FieldKind.String || field.IsRelated || (field.IsUuid && version.ValidatesUuids))
        {
            return;
        }
        var texts = value switch
        {
            string text => [text],
            List<string> list => list,
            _ => new List<string>(),
        };
        if (texts.Any(text => text.Any(char.IsSurrogate)))
        {
            throw new InvalidOperationException("(1267, \"Illegal mix of collations (utf8mb4_unicode_ci,IMPLICIT) and (utf8mb3_general_ci,COERCIBLE) for operation '='\")");
        }
    }

    /// <summary>tastypie filter_value_to_python: true/false/none words, comma lists for in/range.</summary>
    private static object? FilterValueToPython(string value, string lookup, IReadOnlyList<string> all)
    {
        object? converted = value switch
        {
            "true" or "True" => true,
            "false" or "False" => false,
            "nil" or "none" or "None" => null,
            _ => value,
        };
        if (lookup is "in" or "range" && converted is string text && text.Length > 0)
        {
            return all.SelectMany(part => part.Split(',')).ToList();
        }
        return converted;
    }

    private bool Matches(object obj, Filter filter)
    {
        IEnumerable<object> current = [obj];
        for (var i = 0; i < filter.Chain.Count - 1; i++)
        {
            var (resource, field) = filter.Chain[i];
            current = current.SelectMany(o => Related(resource.Value(o, field.Name))).ToList();
        }
        var (lastResource, lastField) = filter.Chain[^1];
        var values = current.SelectMany(o => Flatten(lastResource.Value(o, lastField.Name), lastField, lastResource)).ToList();
        return Compare(values, lastField, filter.Lookup, filter.Value);
    }

    private static IEnumerable<object> Related(object? value) => value switch
    {
        null => [],
        IEnumerable<object> many when value is not string => many,
        _ => [value],
    };

    /// <summary>The compared values: scalars, or primary keys for a relation field itself.</summary>
    private IEnumerable<object?> Flatten(object? value, FieldDefinition field, ResourceDefinition resource)
    {
        if (!field.IsRelated)
        {
            return [value];
        }
        var related = Related(value).ToList();
        var target = resources(field.Related!);
        return related.Count == 0 ? [null] : related.Select(o => (object?)(long)target.PrimaryKey(o));
    }

    private bool Compare(List<object?> values, FieldDefinition field, string lookup, object? raw)
    {
        if (lookup == "isnull")
        {
            var wantNull = raw is bool b ? b : raw is string s && s.Length > 0;
            return values.Any(v => (v is null) == wantNull);
        }
        if (raw is null)
        {
            if (lookup is "exact" or "iexact")
            {
                return values.Any(v => v is null);
            }
            throw new TastypieBadRequestException("Invalid resource lookup data provided (mismatched type).");
        }
        if (lookup is "in" or "range")
        {
            var list = raw is List<string> parts ? parts.Select(p => Prepare(field, p)).ToList() : [Prepare(field, raw)];
            if (lookup == "range")
            {
                if (list.Count != 2)
                {
                    throw new InvalidOperationException("range needs two values");
                }
                return values.Any(v => v is not null && Order(v, list[0]) >= 0 && Order(v, list[1]) <= 0);
            }
            return values.Any(v => v is not null && list.Any(item => Equal(v, item)));
        }
        if (DateLookups.Contains(lookup))
        {
            return values.OfType<DateTime>().Any(date => DatePart(date, lookup, raw));
        }
        var prepared = lookup is "exact" or "gt" or "gte" or "lt" or "lte" ? Prepare(field, raw) : TextOf(raw);
        return values.Any(v => v is not null && Lookup(lookup, v, prepared));
    }

    private static bool Lookup(string lookup, object value, object? prepared)
    {
        var text = TextOf(value);
        var operand = TextOf(prepared);
        return lookup switch
        {
            "exact" => Equal(value, prepared),
            "iexact" => string.Equals(text, operand, StringComparison.OrdinalIgnoreCase),
            "contains" or "search" => text.Contains(operand, StringComparison.Ordinal),
            "icontains" => text.Contains(operand, StringComparison.OrdinalIgnoreCase),
            "startswith" => text.StartsWith(operand, StringComparison.Ordinal),
            "istartswith" => text.StartsWith(operand, StringComparison.OrdinalIgnoreCase),
            "endswith" => text.EndsWith(operand, StringComparison.Ordinal),
            "iendswith" => text.EndsWith(operand, StringComparison.OrdinalIgnoreCase),
            "gt" => Order(value, prepared) > 0,
            "gte" => Order(value, prepared) >= 0,
            "lt" => Order(value, prepared) < 0,
            "lte" => Order(value, prepared) <= 0,
            "regex" => Regex.IsMatch(text, operand, RegexOptions.None, TimeSpan.FromSeconds(1)),
            "iregex" => Regex.IsMatch(text, operand, RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1)),
            _ => false,
        };
    }

    /// <summary>Django get_prep_value for the field type: the typed operand, or the Django error.</summary>
    private object? Prepare(FieldDefinition field, object? raw)
    {
        var text = raw is bool flag ? (flag ? "True" : "False") : raw as string ?? "";
        if (field.IsRelated || field.Kind == FieldKind.Integer)
        {
            if (raw is bool b)
            {
                return b ? 1L : 0L;
            }
            return PythonInt.TryParse(text, out var number) ? (object)(long)BigInteger.Clamp(number, long.MinValue, long.MaxValue)
                : throw new TastypieBadRequestException("Invalid resource lookup data provided (mismatched type).");
        }
        if (field.Kind == FieldKind.Boolean)
        {
            return raw switch
            {
                bool b => b,
                "t" or "1" => true,
                "f" or "0" => false,
                _ => throw new DjangoValidationException(version.UsesCurlyQuotes
                    ? $"“{text}” value must be either True or False."
                    : $"'{text}' value must be either True or False."),
            };
        }
        if (field.Kind == FieldKind.DateTime)
        {
            string[] formats = ["yyyy-MM-dd'T'HH:mm:ss.FFFFFF", "yyyy-MM-dd HH:mm:ss.FFFFFF", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm", "yyyy-MM-dd"];
            return DateTime.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
                : throw new DjangoValidationException(version.UsesCurlyQuotes
                    ? $"“{text}” value has an invalid format. It must be in YYYY-MM-DD HH:MM[:ss[.uuuuuu]][TZ] format."
                    : $"'{text}' value has an invalid format. It must be in YYYY-MM-DD HH:MM[:ss[.uuuuuu]][TZ] format.");
        }
        if (field.IsUuid)
        {
            return UuidRules.LookupKey(text, version);
        }
        return text;
    }

    private static bool DatePart(DateTime date, string lookup, object? raw)
    {
        var text = raw as string ?? "";
        if (lookup == "date")
        {
            return DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && date.Date == day;
        }
        if (!PythonInt.TryParseInt32(text, out var number))
        {
            throw new TastypieBadRequestException("Invalid resource lookup data provided (mismatched type).");
        }
        return lookup switch
        {
            "year" => date.Year == number,
            "month" => date.Month == number,
            "day" => date.Day == number,
            "week_day" => (int)date.DayOfWeek + 1 == number,
            "week" => ISOWeek.GetWeekOfYear(date) == number,
            "hour" => date.Hour == number,
            "minute" => date.Minute == number,
            "second" => date.Second == number,
            _ => false,
        };
    }

    private static bool Equal(object value, object? operand) => value switch
    {
        long l when operand is long o => l == o,
        bool b when operand is bool o => b == o,
        DateTime d when operand is DateTime o => d == o,
        _ => TextOf(value) == TextOf(operand),
    };

    private static int Order(object value, object? operand) => value switch
    {
        long l when operand is long o => l.CompareTo(o),
        DateTime d when operand is DateTime o => d.CompareTo(o),
        bool b when operand is bool o => b.CompareTo(o),
        _ => string.CompareOrdinal(TextOf(value), TextOf(operand)),
    };

    private static string TextOf(object? value) => value switch
    {
        null => "None",
        bool b => b ? "True" : "False",
        long l => l.ToString(CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        IEnumerable and not string => "",
        _ => value.ToString() ?? "",
    };
}
