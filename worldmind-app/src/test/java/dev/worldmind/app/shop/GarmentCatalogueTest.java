package dev.worldmind.app.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.worldmind.app.recommend.RecommendKind;
import dev.worldmind.app.recommend.WorldCatalogue;
import dev.worldmind.app.world.DefaultWorld;
import dev.worldmind.core.NotFoundException;
import dev.worldmind.data.catalog.FashionMnist;
import dev.worldmind.data.catalog.TrainTest;
import dev.worldmind.data.world.Space;
import dev.worldmind.data.world.SpaceKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class GarmentCatalogueTest {
    private static final GarmentCatalogue CATALOGUE = GarmentCatalogue.builtIn();

    @Test
    void hasThreeGarmentsForSaleInTheShopPerFashionMnistCategory() {
        assertThat(CATALOGUE.size()).isEqualTo(30);
        Map<String, Long> perCategory =
                CATALOGUE.all().stream()
                        .collect(Collectors.groupingBy(Garment::category, Collectors.counting()));
        assertThat(perCategory.keySet()).containsExactlyInAnyOrderElementsOf(FashionMnist.CLASSES);
        assertThat(perCategory.values()).containsOnly(3L);
        Space shop =
                DefaultWorld.spaces().stream()
                        .filter(s -> s.kind() == SpaceKind.SHOP)
                        .findFirst()
                        .orElseThrow();
        for (Garment g : CATALOGUE.all()) {
            var item = shop.layout().item(g.id()).orElseThrow();
            assertThat(item.price()).isEqualTo(g.price());
            assertThat(shop.layout().isWalkable(item.x(), item.z())).as(g.id()).isTrue();
            assertThat(g.outfit().category()).isEqualTo(g.category());
        }
        assertThat(CATALOGUE.all().stream().map(Garment::imageIndex).collect(Collectors.toSet()))
                .hasSize(30);
    }

    @Test
    void eachPictureIsItsFashionMnistTestImageWithTheRightLabel() {
        Path debian = Path.of(FashionMnist.DEBIAN_FOLDER);
        assumeThat(Files.isDirectory(debian))
                .as("needs the Debian package dataset-fashion-mnist (.ci/run installs it)")
                .isTrue();
        TrainTest data = FashionMnist.load(debian);
        float[] image = new float[784];
        for (Garment g : CATALOGUE.all()) {
            assertThat(data.test().label(g.imageIndex())).as(g.id()).isEqualTo(g.classIndex());
            assertThat(FashionMnist.CLASSES.get(g.classIndex())).isEqualTo(g.category());
            data.test().copyImage(g.imageIndex(), image, 0);
            float[] picture = g.picture();
            for (int i = 0; i < image.length; i++) {
                assertThat(picture[i])
                        .as(g.id())
                        .isCloseTo(image[i], org.assertj.core.data.Offset.offset(1e-6f));
            }
        }
    }

    @Test
    void theRecommenderKnowsTheGarmentsAsClothingShoesAndBags() {
        WorldCatalogue world = WorldCatalogue.defaults();
        Map<String, String> categoryOf =
                world.of(RecommendKind.PRODUCT).stream()
                        .collect(Collectors.toMap(e -> e.item(), e -> e.category()));
        Function<String, String> expected =
                c ->
                        switch (c) {
                            case "Sandal", "Sneaker", "Ankle boot" -> "footwear";
                            case "Bag" -> "accessories";
                            default -> "clothing";
                        };
        for (Garment g : CATALOGUE.all()) {
            assertThat(categoryOf.get(g.id())).as(g.id()).isEqualTo(expected.apply(g.category()));
        }
        assertThat(Set.copyOf(world.categories())).contains("clothing", "footwear");
    }

    @Test
    void productsAreOutfitsForAnyoneAndUnknownOnesAreNotFound() {
        ProductOutfits products = new ProductOutfits(CATALOGUE);
        Outfit tee = products.outfit(7, "cotton-tee");
        assertThat(tee.source()).isEqualTo("product");
        assertThat(tee.name()).isEqualTo("Organic cotton T-shirt");
        assertThat(tee.pictureDataUrl()).startsWith("data:image/png;base64,");
        assertThatThrownBy(() -> products.outfit(7, "ceramic-mug"))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("ceramic-mug");
        assertThat(tee.pixels()).hasSize(784);
    }
}
