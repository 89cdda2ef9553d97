package dev.worldmind.server.ws;

import dev.worldmind.app.character.CharacterLibrary;
import dev.worldmind.app.shop.GarmentCatalogue;
import dev.worldmind.app.shop.ProductOutfits;
import dev.worldmind.app.shop.UploadedGarments;
import dev.worldmind.data.world.WorldStores;
import dev.worldmind.model.language.moderation.Moderator;
import dev.worldmind.model.registry.ModelRegistry;
import dev.worldmind.server.config.LanguageConfig;
import dev.worldmind.server.config.ServerConfig;
import dev.worldmind.server.event.WorldBus;
import dev.worldmind.server.event.WorldEvent;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The desks of the live world, made together on one {@link Stage}: the characters, the
 * recommendations, the guide's tours, the shop's recognition, the generated works and try-on. Each
 * desk that handles messages is a {@link MessageRoutes.Provider}; those that load models are
 * services.
 *
 * @param stage the live world, its stores, clock and bus
 * @param characters the AI characters
 * @param recommendations the world's recommendations
 * @param tours the museum guide's tours
 * @param shop garment recognition in the shop
 * @param designs the generated works
 * @param wardrobe try-on
 */
public record Desks(
        Stage stage,
        CharacterDesk characters,
        RecommendationDesk recommendations,
        TourDesk tours,
        ShopDesk shop,
        DesignDesk designs,
        WardrobeDesk wardrobe) {
    /**
     * Makes the desks of a world; the recommendations follow every logged behaviour event, the
     * moderation queue every withheld message.
     *
     * @param config the server settings
     * @param stores the world's stores
     * @param clock the time source
     * @param bus the event bus
     * @param meters where the hub and the tours count what they do
     * @return the desks, not started
     */
    public static Desks create(
            ServerConfig config,
            WorldStores stores,
            Clock clock,
            WorldBus bus,
            MeterRegistry meters) {
        WorldHub hub = new WorldHub(config.tickHz());
        Stage stage = new Stage(hub, stores.world(), stores.avatars(), clock, bus);
        LanguageConfig lang = config.language();
        CharacterDesk characters =
                new CharacterDesk(
                        lang.enabled()
                                ? lang.characters()
                                        .map(CharacterLibrary::load)
                                        .orElseGet(CharacterLibrary::builtIn)
                                : null,
                        stage);
        RecommendationDesk recommendations =
                new RecommendationDesk(config.recommend().enabled(), stores.people());
        bus.on(WorldEvent.Logged.class, e -> recommendations.observe(e.event()));
        bus.on(
                WorldEvent.Withheld.class,
                e ->
                        stores.moderation()
                                .flag(
                                        e.accountId(),
                                        e.spaceId(),
                                        e.channel(),
                                        e.text(),
                                        e.reasons(),
                                        e.spamScore()));
        Optional<ModelRegistry> tourModels =
                config.tour().models().or(() -> config.serving().models()).map(ModelRegistry::new);
        TourDesk tours = new TourDesk(config.tour(), tourModels, characters, stage);
        // Garments are recognised with the registry's fashion-cnn (the serving registry, which
        // ./worldmind start sets to the home's, else the recommender's or the tours'); the
        // generated works come from the same registry.
        Optional<ModelRegistry> shopModels =
                config.serving()
                        .models()
                        .or(() -> config.recommend().models())
                        .or(() -> config.tour().models())
                        .map(ModelRegistry::new);
        GarmentCatalogue garments = GarmentCatalogue.builtIn();
        ShopDesk shop =
                new ShopDesk(shopModels, garments, new UploadedGarments(clock), hub, characters);
        DesignDesk designs = new DesignDesk(shopModels, bus);
        WardrobeDesk wardrobe = new WardrobeDesk(stage);
        wardrobe.register(new ProductOutfits(garments));
        wardrobe.register(shop.uploads());
        wardrobe.register(designs);
        count(meters, hub, tours);
        return new Desks(stage, characters, recommendations, tours, shop, designs, wardrobe);
    }

    /** The live world. */
    public WorldHub hub() {
        return stage.hub();
    }

    /**
     * The handlers of the messages the desks take, with the emotes: every message but presence,
     * chat, items and moderation, which the dispatcher handles itself.
     */
    public List<MessageRoutes.Provider> routes() {
        return List.of(characters, tours, wardrobe, new Emotes());
    }

    /**
     * The WebSocket endpoint of the world: the dispatcher with the desks' routes.
     *
     * @param rights looks rights up again before privileged messages
     * @param moderator checks chat before anyone else sees it
     * @return the endpoint
     */
    public WsEndpoint endpoint(RightsWatch rights, Moderator moderator) {
        Dispatcher dispatcher =
                new Dispatcher(stage, rights, moderator, characters, recommendations, routes());
        return new WsEndpoint(hub(), dispatcher, stage.avatars());
    }

    private static void count(MeterRegistry meters, WorldHub hub, TourDesk tours) {
        count(
                meters,
                "worldmind.tick.shed",
                hub,
                WorldHub::shed,
                "space instances shed by the tick watchdog (a tick got stuck)");
        count(
                meters,
                "worldmind.tour.fallbacks",
                tours,
                TourDesk::fallbacks,
                "tour legs on which the navigation policy gave way to A*");
        count(meters, "worldmind.tour.started", tours, TourDesk::started, "guided tours started");
        count(
                meters,
                "worldmind.tour.no_route",
                tours,
                TourDesk::refused,
                "tours refused because the route did not fit the search budget");
    }

    private static <T> void count(
            MeterRegistry meters,
            String name,
            T counted,
            ToDoubleFunction<T> count,
            String description) {
        FunctionCounter.builder(name, counted, count).description(description).register(meters);
    }
}
