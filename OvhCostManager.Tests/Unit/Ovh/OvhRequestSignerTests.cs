using OvhCostManager.Core.Ovh;

namespace OvhCostManager.Tests.Unit.Ovh;

public sealed class OvhRequestSignerTests
{
    private const string ApplicationSecret = "EXAMPLEsecret1234567890abcdefABCD";
    private const string ConsumerKey = "EXAMPLEconsumer1234567890abcdefAB";
    private const long Timestamp = 1750248300;

    [Fact]
    public void Signing_the_documented_GET_gives_the_documented_signature()
    {
        var signature = OvhRequestSigner.Sign(ApplicationSecret, ConsumerKey, "GET",
            "https://eu.api.ovh.com/1.0/me/bill?date.from=2025-05-01T00%3A00%3A00%2B02%3A00&date.to=2025-05-31T23%3A59%3A59%2B02%3A00",
            "", Timestamp);

        Assert.Equal("$1$9502a7d0b88af4d53c43e02c2aeeb531cdb5cadd", signature);
    }

    [Fact]
    public void Signing_the_documented_POST_with_its_body_gives_the_documented_signature()
    {
        var signature = OvhRequestSigner.Sign(ApplicationSecret, ConsumerKey, "POST", "https://eu.api.ovh.com/1.0/me/api/oauth2/client",
            "{\"callbackUrls\":[],\"description\":\"cost tool\",\"flow\":\"CLIENT_CREDENTIALS\",\"name\":\"cost-reader\"}", Timestamp);

        Assert.Equal("$1$f5dca8eae39bc8e59987ebd5bae5f89dda36a1e2", signature);
    }

    [Fact]
    public void A_url_encoded_differently_gives_another_signature()
    {
        var encoded = OvhRequestSigner.Sign(ApplicationSecret, ConsumerKey, "GET", "https://eu.api.ovh.com/1.0/me/bill?date.from=2025-05-01T00%3A00%3A00%2B02%3A00", "", Timestamp);
        var raw = OvhRequestSigner.Sign(ApplicationSecret, ConsumerKey, "GET", "https://eu.api.ovh.com/1.0/me/bill?date.from=2025-05-01T00:00:00+02:00", "", Timestamp);

        Assert.NotEqual(encoded, raw);
    }
}
