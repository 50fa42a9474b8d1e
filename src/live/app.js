/* The live workshop page's script: optional. The page works as plain
 * forms; with this script it follows the facilitator (the next question
 * appears without a reload) and votes without leaving the page. It only
 * fetches the same pages the forms would load. */
(function () {
	'use strict';
	var main = document.getElementById('main');
	var busy = false;

	if (!main || !window.fetch || !window.DOMParser)
		return;

	function swap(html, focus) {
		var doc = new DOMParser().parseFromString(html, 'text/html');
		var next = doc.getElementById('main');

		if (!next)
			return;
		main.replaceWith(next);
		main = next;
		document.title = doc.title;
		bind();
		if (focus) {
			var h = main.querySelector('.status') || main.querySelector('h1');
			if (h && h.focus) {
				if (!h.hasAttribute('tabindex'))
					h.setAttribute('tabindex', '-1');
				h.focus();
			}
		}
	}

	function load() {
		busy = true;
		return fetch('/', {credentials: 'same-origin', cache: 'no-store'})
			.then(function (r) { return r.text(); })
			.then(function (html) { swap(html, false); })
			.catch(function () {})
			.then(function () { busy = false; });
	}

	function vote(ev) {
		var form = ev.target;
		var data;

		if (!form.getAttribute || form.getAttribute('action') !== '/vote')
			return;
		ev.preventDefault();
		try {
			data = new URLSearchParams(new FormData(form, ev.submitter));
		} catch (e) {
			form.submit();
			return;
		}
		busy = true;
		fetch('/vote', {method: 'POST', body: data, credentials: 'same-origin', cache: 'no-store'})
			.then(function (r) { return r.text(); })
			.then(function (html) { swap(html, true); })
			.catch(function () { form.submit(); })
			.then(function () { busy = false; });
	}

	function bind() {
		var forms = main.querySelectorAll('form[action="/vote"]');
		var i;

		for (i = 0; i < forms.length; i++)
			forms[i].addEventListener('submit', vote);
	}

	function poll() {
		fetch('/state', {cache: 'no-store'})
			.then(function (r) { return r.json(); })
			.then(function (s) {
				if (!busy && String(s.v) !== main.getAttribute('data-v'))
					return load();
			})
			.catch(function () {})
			.then(function () { setTimeout(poll, 1000); });
	}

	document.documentElement.classList.add('js');
	bind();
	setTimeout(poll, 1000);
}());
