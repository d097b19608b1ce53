namespace Conformance.ReferenceServer.Storage.Http;

/// <summary>tastypie BadRequest / ApiFieldError / InvalidFilterError: 400 {"error": "&lt;message&gt;"}.</summary>
internal sealed class TastypieBadRequestException(string message) : Exception(message);

/// <summary>Django ValidationError (e.g. SS ≥0.21 malformed UUID): 400 {"error": "['&lt;message&gt;', ...]"} (the list's repr, sanitized).</summary>
internal sealed class DjangoValidationException(params string[] messages) : Exception(string.Join("; ", messages))
{
    public IReadOnlyList<string> Messages { get; } = messages;
}

/// <summary>tastypie NotFound / ObjectDoesNotExist escaping a view: 404 with the canned error_message.</summary>
internal sealed class TastypieNotFoundException(string message) : Exception(message);

/// <summary>A request body in a format the serializer cannot read: 415 with the canned error_message.</summary>
internal sealed class UnsupportedDeserializationException(string message) : Exception(message);


/// <summary>
/// Django's DjangoUnicodeDecodeError: tastypie's Serializer.deserialize force_str()s a byte body before
/// from_json's ValueError handling, so invalid UTF-8 escapes as the canned 500 (a custom endpoint swallows it).
/// </summary>
internal sealed class DjangoUnicodeDecodeException(string message) : Exception(message);
