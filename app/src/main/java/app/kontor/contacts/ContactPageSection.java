package app.kontor.contacts;

import app.kontor.practice.SignedInUser;
import gg.jte.Content;

/**
 * A section another module adds to every contact page, below the contact's own details. The
 * contacts module renders the returned content as it is, so implementations escape what they show.
 */
public interface ContactPageSection {

    /** Sections are shown in ascending order. */
    int order();

    Content render(Contact contact, SignedInUser viewer);
}
