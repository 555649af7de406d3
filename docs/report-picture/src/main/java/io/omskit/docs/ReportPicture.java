package io.omskit.docs;

import com.openhtmltopdf.java2d.api.BufferedImagePageProcessor;
import com.openhtmltopdf.java2d.api.Java2DRendererBuilder;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Renders the top of an HTML report (headline figures, charts and the first tables) to a PNG with a Java renderer of
 * HTML and SVG, no browser needed. Arguments: the report, the PNG, how many tables to keep, the page height in mm. The
 * renderer lays out CSS 2 (no flexbox) on pages, so figures are laid one under the other here.
 */
public final class ReportPicture {

    private ReportPicture() {
    }

    public static void main(String[] args) throws Exception {
        Document page = Jsoup.parse(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8));
        int tables = Integer.parseInt(args[2]);
        int kept = 0;
        for (Element section : page.select("section.measure")) {
            if (kept++ >= tables) {
                section.remove();
            }
        }
        page.select("footer").remove();
        // the renderer knows the fonts it is given, and pages rather than a window
        page.head().appendElement("style").text("body,svg text{font-family:'DejaVu Sans'}body{max-width:none}"
                + "figure{display:block;width:660px}svg{display:block}@page{size:300mm " + args[3] + "mm;margin:6mm}");
        Java2DRendererBuilder builder = new Java2DRendererBuilder();
        builder.withW3cDocument(new W3CDom().fromJsoup(page), "file:///");
        builder.useSVGDrawer(new BatikSVGDrawer());
        builder.useFastMode();
        String fonts = System.getProperty("fonts", "/usr/share/fonts/truetype/dejavu");
        builder.useFont(new File(fonts, "DejaVuSans.ttf"), "DejaVu Sans");
        builder.useFont(new File(fonts, "DejaVuSans-Bold.ttf"), "DejaVu Sans", 700, BaseRendererBuilder.FontStyle.NORMAL, true);
        BufferedImagePageProcessor pages = new BufferedImagePageProcessor(BufferedImage.TYPE_INT_RGB, 2.0);
        builder.toSinglePage(pages);
        builder.runFirstPage();
        BufferedImage image = pages.getPageImages().get(0);
        ImageIO.write(image, "png", new File(args[1]));
        System.out.println(args[1] + ": " + image.getWidth() + " x " + image.getHeight() + " pixels");
    }
}
