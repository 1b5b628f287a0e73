# Multi-stage build: the same publish command as the README and the tests (OvhCostManager.Tests/Infrastructure/PublishedApp.cs).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish OvhCostManager.Web/OvhCostManager.Web.csproj -c Release -o /app

# Framework-dependent: the ASP.NET Core image carries the runtime and brings its security patches (see README).
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --uid 10001 --no-create-home --shell /usr/sbin/nologin ocm \
    && mkdir -p /data && chown ocm /data
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_HTTP_PORTS=8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    Data__Directory=/data
VOLUME ["/data"]
# Port 8080: the dashboard (HTTP; put a TLS-terminating reverse proxy in front).
EXPOSE 8080
USER ocm
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 CMD curl -fsS http://127.0.0.1:8080/health || exit 1
ENTRYPOINT ["dotnet", "OvhCostManager.Web.dll"]
