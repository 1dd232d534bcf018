/**
 * Understanding residents' chat messages (自然语言理解): intent and slots (service, place, date and time) from
 * free Chinese text, with HanLP segmentation. No Spring beans and no database: the caller builds the parser
 * once with a {@link org.redstation.nlu.Gazetteer} and calls it on every message.
 *
 * <p>Public API: {@link org.redstation.nlu.IntentParser}, {@link org.redstation.nlu.Understanding},
 * {@link org.redstation.nlu.Intent}, {@link org.redstation.nlu.Gazetteer}, {@link org.redstation.nlu.Place},
 * {@link org.redstation.nlu.When}.
 */
package org.redstation.nlu;
