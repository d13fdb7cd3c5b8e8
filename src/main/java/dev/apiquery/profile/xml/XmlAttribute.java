package dev.apiquery.profile.xml;

/** An attribute as written in the file: its qualified name and its entity-decoded value. */
public record XmlAttribute(String name, String value) {}
