package ai.askel.confluence.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Draws the demo's architecture diagram (a PNG), headless. */
final class ArchitectureDiagram {
    private ArchitectureDiagram() {
    }

    static byte[] png() {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(640, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, 640, 240);
            g.setStroke(new BasicStroke(2f));
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
            String[] boxes = {"Users", "WAF + Load balancer", "API (eu-west-1)", "PostgreSQL"};
            for (int i = 0; i < boxes.length; i++) {
                int x = 20 + i * 155;
                g.setColor(new Color(0xDEEBFF));
                g.fillRoundRect(x, 90, 130, 60, 12, 12);
                g.setColor(new Color(0x0052CC));
                g.drawRoundRect(x, 90, 130, 60, 12, 12);
                g.drawString(boxes[i], x + 8, 125);
                if (i > 0) {
                    g.drawLine(x - 25, 120, x, 120);
                }
            }
            g.drawString("Crestview Production", 20, 40);
        } finally {
            g.dispose();
        }
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ImageIO.write(image, "png", bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
