package dev.passerelle.api;

import java.util.List;

/** The glossary fields every translating request has (see README, "Glossaries"). */
interface GlossaryFields {

    List<GlossaryTerm> glossary();

    String glossaryId();

    List<String> doNotTranslate();
}
