package io.oriole.archfixtures;

/** A grab-bag name that says nothing about purpose. */
public class ConversationHelper {
}
