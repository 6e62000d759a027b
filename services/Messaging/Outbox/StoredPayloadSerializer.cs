using System.Net.Mime;
using System.Text.Json;
using System.Text.Json.Serialization;
using MassTransit;
using MassTransit.Serialization;

namespace CountyTech.Messaging.Outbox;

/// <summary>
/// The body of an outbox row's publish: MassTransit's JSON envelope (MessageId, message types, headers, host) around
/// the row's payload exactly as it was stored, so the relay does not serialise the event a second time. The stored
/// payload is the event in the house's JSON (<see cref="OutboxMessage.Json"/>); consumers read it with MassTransit's
/// options, which <see cref="MessagingExtensions.AddMessaging"/> teaches the house's kebab-case enum names.
/// </summary>
internal sealed class StoredPayloadSerializer(string payload) : IMessageSerializer
{
    private static readonly Lazy<JsonSerializerOptions> EnvelopeOptions = new(() =>
    {
        // MassTransit's own options (read once the bus is configured), on one line, with the stored payload written as is.
        var options = new JsonSerializerOptions(SystemTextJsonMessageSerializer.Options) { WriteIndented = false };
        options.Converters.Insert(0, new StoredPayloadConverter());
        return options;
    });

    public ContentType ContentType => SystemTextJsonMessageSerializer.JsonContentType;

    public MessageBody GetMessageBody<T>(SendContext<T> context) where T : class =>
        new SystemTextJsonMessageBody<T>(context, EnvelopeOptions.Value,
            new JsonMessageEnvelope(context, new StoredPayload(payload)));

    private sealed record StoredPayload(string Json);

    private sealed class StoredPayloadConverter : JsonConverter<StoredPayload>
    {
        public override StoredPayload Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("A stored payload is only ever written.");

        // The payload came from the database's jsonb column: valid JSON, so it is not parsed again.
        public override void Write(Utf8JsonWriter writer, StoredPayload value, JsonSerializerOptions options) =>
            writer.WriteRawValue(value.Json, skipInputValidation: true);
    }
}
