package io.omskit.core.shipping;

import io.omskit.core.common.Checks;
import java.net.URI;
import java.util.Arrays;
import java.util.Objects;

/**
 * The label a carrier issued for a booked parcel: what goes on the box.
 *
 * @param bookingRef     the carrier's reference of the booking (what a cancellation names); 1 to 100 characters
 * @param trackingNumber the parcel's tracking number; 1 to 100 characters. Carriers recycle them after some months.
 * @param mediaType      the document's media type ("application/pdf", "application/zpl"); 1 to 100 characters
 * @param document       the label itself; empty when the carrier gives only {@code url}. Copied in and out.
 * @param url            where the carrier serves the label; null when the document is given
 */
public record Label(String bookingRef, String trackingNumber, String mediaType, byte[] document, URI url) {

    public Label {
        Checks.identifier(bookingRef, "bookingRef");
        Checks.identifier(trackingNumber, "trackingNumber");
        Checks.identifier(mediaType, "mediaType");
        document = document == null ? new byte[0] : document.clone();
        if (document.length == 0 && url == null) {
            throw new IllegalArgumentException("label " + bookingRef + " must carry a document or a url, had neither");
        }
    }

    /** The label document (a copy); empty when only {@link #url()} is given. */
    @Override
    public byte[] document() {
        return document.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Label l && bookingRef.equals(l.bookingRef) && trackingNumber.equals(l.trackingNumber)
                && mediaType.equals(l.mediaType) && Arrays.equals(document, l.document) && Objects.equals(url, l.url);
    }

    @Override
    public int hashCode() {
        return Objects.hash(bookingRef, trackingNumber, mediaType, Arrays.hashCode(document), url);
    }

    @Override
    public String toString() {
        return "Label[" + bookingRef + ", " + trackingNumber + ", " + mediaType + ", "
                + (document.length > 0 ? document.length + " bytes" : url) + "]";
    }
}
