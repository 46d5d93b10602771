package io.infodesk.search.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.persistence.EntityManagerFactory;

import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.mapping.SearchMapping;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the full-text index complete. Records are indexed on commit by Hibernate Search; this fills the index
 * when it is empty or missing — at start-up (after the demo data, {@code @Order(40)}), for each indexed type
 * that has rows in the database but none in the index (a new installation of an existing database, a deleted
 * index folder) — and rebuilds it on demand (the office's button on the search page, or the start option
 * {@code --infodesk.search.rebuild=true}).
 */
@Component
@Order(40)
public class SearchIndexing implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(SearchIndexing.class);

	private final EntityManagerFactory entityManagerFactory;

	private final TransactionTemplate transactions;

	private final AtomicReference<CompletableFuture<?>> running = new AtomicReference<>();

	SearchIndexing(EntityManagerFactory entityManagerFactory,
			org.springframework.transaction.PlatformTransactionManager transactionManager) {
		this.entityManagerFactory = entityManagerFactory;
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setReadOnly(true);
	}

	@Override
	public void run(ApplicationArguments args) {
		boolean rebuild = args.containsOption("infodesk.search.rebuild");
		List<Class<?>> missing = rebuild ? indexedTypes() : missingTypes();
		if (missing.isEmpty() && withoutOffsets()) {
			// an index written before the texts kept their offsets (issue 16): Lucene refuses documents of another
			// field schema in the same index, so it is dropped and built again once
			log.info("The full-text index predates stored term offsets: rebuilding it");
			missing = indexedTypes();
		}
		if (!missing.isEmpty()) {
			log.info("Building the full-text index of {}", missing.stream().map(Class::getSimpleName).toList());
			reindex(missing);
		}
	}

	/** The indexed entity types. */
	public List<Class<?>> indexedTypes() {
		SearchMapping mapping = Search.mapping(entityManagerFactory);
		List<Class<?>> types = new ArrayList<>();
		mapping.allIndexedEntities().forEach(entity -> types.add(entity.javaClass()));
		return types;
	}

	/** Types with rows in the database and none in the index. */
	List<Class<?>> missingTypes() {
		return transactions.execute(status -> {
			var entityManager = entityManagerFactory.createEntityManager();
			try {
				SearchSession session = Search.session(entityManager);
				List<Class<?>> missing = new ArrayList<>();
				for (Class<?> type : indexedTypes()) {
					long indexed = session.search(type).where(f -> f.matchAll()).fetchTotalHitCount();
					long stored = entityManager
						.createQuery("select count(e) from " + type.getName() + " e", Long.class)
						.getSingleResult();
					if (indexed == 0 && stored > 0) {
						missing.add(type);
					}
				}
				return missing;
			}
			finally {
				entityManager.close();
			}
		});
	}

	/**
	 * Whether the index holds texts without their term offsets (written before issue 16). Only a Lucene index can
	 * be such an old one: on OpenSearch (profile {@code cluster}) the mapping is the backend's own, and the answer
	 * is no.
	 */
	boolean withoutOffsets() {
		org.hibernate.search.backend.lucene.scope.LuceneIndexScope lucene;
		try {
			lucene = Search.mapping(entityManagerFactory)
				.scope(Object.class)
				.extension(org.hibernate.search.backend.lucene.LuceneExtension.get());
		}
		catch (org.hibernate.search.util.common.SearchException otherBackend) {
			return false;
		}
		try (org.apache.lucene.index.IndexReader reader = lucene.openIndexReader()) {
			org.apache.lucene.index.FieldInfo text = org.apache.lucene.index.FieldInfos.getMergedFieldInfos(reader)
				.fieldInfo(io.infodesk.search.SearchIndex.Fields.TEXT);
			return text != null && !text.hasVectors();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/** Rebuilds the index of the types now (drops and re-reads them), waiting until done. */
	public void reindex(List<Class<?>> types) {
		try {
			Search.mapping(entityManagerFactory)
				.scope(types)
				.massIndexer()
				.dropAndCreateSchemaOnStart(true) // a new field schema (e.g. offsets) needs a new Lucene index
				.threadsToLoadObjects(1)
				.batchSizeToLoadObjects(100)
				.startAndWait();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Rebuilds the whole index in the background; false when a rebuild is already running. */
	public synchronized boolean startRebuild() {
		if (isRebuilding()) {
			return false;
		}
		running.set(CompletableFuture.runAsync(() -> {
			try {
				reindex(indexedTypes());
				log.info("Full-text index rebuilt");
			}
			catch (RuntimeException ex) {
				log.error("Rebuilding the full-text index failed", ex);
				throw ex;
			}
		}));
		return true;
	}

	/** Whether a rebuild started from the page is still running. */
	public boolean isRebuilding() {
		CompletableFuture<?> current = running.get();
		return current != null && !current.isDone();
	}

}
