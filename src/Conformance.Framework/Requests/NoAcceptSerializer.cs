using RestSharp;
using RestSharp.Serializers;

namespace Conformance.Framework.Requests;

/// <summary>
/// RestSharp adds an Accept header listing its serializers' types unless told otherwise. The suite
/// must control Accept exactly (a missing Accept is a 415 on processing configuration), so this
/// serializer accepts nothing and the suite never deserializes through RestSharp.
/// </summary>
internal sealed class NoAcceptSerializer : IRestSerializer, ISerializer, IDeserializer
{
    public ISerializer Serializer => this;

    public IDeserializer Deserializer => this;

    public string[] AcceptedContentTypes => [];

    public SupportsContentType SupportsContentType => _ => false;

    public DataFormat DataFormat => DataFormat.None;

    public ContentType ContentType { get; set; } = ContentType.Plain;

    public string? Serialize(Parameter parameter) => parameter.Value?.ToString();

    public string? Serialize(object obj) => obj.ToString();

    public T? Deserialize<T>(RestResponse response) => default;
}
