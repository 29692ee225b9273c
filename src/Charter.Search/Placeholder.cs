namespace Charter.Search;
